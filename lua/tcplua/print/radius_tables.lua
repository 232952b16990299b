-- Names tcplua.print.radius prints for RADIUS (RFC 2865, 2866, 2868, 2869, 3162, 4675, 5176,
-- 5580, 6911) codes, attributes and enumerated values, as tcpdump 4.99.3 spells them, and
-- the SMI enterprise numbers of vendor-specific attributes (RFC 2865 5.26).
local M = {}

M.codes = { [1] = "Access-Request", [2] = "Access-Accept", [3] = "Access-Reject",
    [4] = "Accounting-Request", [5] = "Accounting-Response", [11] = "Access-Challenge",
    [12] = "Status-Server", [13] = "Status-Client", [40] = "Disconnect-Request",
    [41] = "Disconnect-ACK", [42] = "Disconnect-NAK", [43] = "CoA-Request", [44] = "CoA-ACK",
    [45] = "CoA-NAK", [255] = "Reserved" }

-- attribute names 1..129; kind says how the value prints
M.attrs = {}
local list = [[
User-Name s|User-Password -|CHAP-Password -|NAS-IP-Address a|NAS-Port n|Service-Type n|
Framed-Protocol n|Framed-IP-Address a|Framed-IP-Netmask a|Framed-Routing n|Filter-Id s|
Framed-MTU n|Framed-Compression n|Login-IP-Host a|Login-Service n|Login-TCP-Port n|
Unassigned -|Reply-Message s|Callback-Number s|Callback-Id s|Unassigned -|Framed-Route s|
Framed-IPX-Network n|State s|Class s|Vendor-Specific v|Session-Timeout n|Idle-Timeout n|
Termination-Action n|Called-Station-Id s|Calling-Station-Id s|NAS-Identifier s|Proxy-State s|
Login-LAT-Service s|Login-LAT-Node s|Login-LAT-Group s|Framed-AppleTalk-Link n|
Framed-AppleTalk-Network n|Framed-AppleTalk-Zone s|Acct-Status-Type n|Acct-Delay-Time n|
Acct-Input-Octets n|Acct-Output-Octets n|Acct-Session-Id s|Acct-Authentic n|
Acct-Session-Time n|Acct-Input-Packets n|Acct-Output-Packets n|Acct-Terminate-Cause n|
Acct-Multi-Session-Id s|Acct-Link-Count n|Acct-Input-Gigawords n|Acct-Output-Gigawords n|
Unassigned -|Event-Timestamp t|Egress-VLANID n|Ingress-Filters n|Egress-VLAN-Name s|
User-Priority-Table -|CHAP-Challenge s|NAS-Port-Type n|Port-Limit n|Login-LAT-Port s|
Tunnel-Type n|Tunnel-Medium-Type n|Tunnel-Client-Endpoint s|Tunnel-Server-Endpoint s|
Acct-Tunnel-Connection s|Tunnel-Password s|ARAP-Password x|ARAP-Features x|
ARAP-Zone-Access n|ARAP-Security s|ARAP-Security-Data s|Password-Retry n|Prompt n|
Connect-Info s|Configuration-Token s|EAP-Message s|Message-Authenticator s|
Tunnel-Private-Group-ID s|Tunnel-Assignment-ID s|Tunnel-Preference n|
ARAP-Challenge-Response x|Acct-Interim-Interval n|Acct-Tunnel-Packets-Lost n|NAS-Port-Id s|
Framed-Pool s|CUI s|Tunnel-Client-Auth-ID s|Tunnel-Server-Auth-ID s|NAS-Filter-Rule s|
Unassigned -|Originating-Line-Info -|NAS-IPv6-Address 6|Framed-Interface-ID -|
Framed-IPv6-Prefix p|Login-IPv6-Host 6|Framed-IPv6-Route s|Framed-IPv6-Pool s|Error-Cause x|
EAP-Key-Name -|Digest-Response s|Digest-Realm s|Digest-Nonce s|Digest-Response-Auth s|
Digest-Nextnonce s|Digest-Method s|Digest-URI s|Digest-Qop s|Digest-Algorithm s|
Digest-Entity-Body-Hash s|Digest-CNonce s|Digest-Nonce-Count s|Digest-Username s|
Digest-Opaque s|Digest-Auth-Param s|Digest-AKA-Auts s|Digest-Domain s|Digest-Stale s|
Digest-HA1 s|SIP-AOR s|Delegated-IPv6-Prefix p|MIP6-Feature-Vector 8|
MIP6-Home-Link-Prefix h|Operator-Name o|Location-Information l|Location-Data d|
Basic-Location-Policy-Rules b]]
M.kinds = {}
do
    local t = 0
    for name, kind in list:gmatch("%s*([^|%s]+) (%S)") do
        t = t + 1
        M.attrs[t], M.kinds[t] = name, kind
    end
end

local function words(first, s)
    local t, k = {}, first
    for w in s:gmatch("[^|]+") do
        t[k] = w:gsub("^%s+", ""):gsub("%s+$", "")
        k = k + 1
    end
    return t
end

-- enumerated values of number attributes: attribute -> {[value] = name}
M.values = {
    [6] = words(1, [[Login|Framed|Callback Login|Callback Framed|Outbound|Administrative|
        NAS Prompt|Authenticate Only|Callback NAS Prompt|Call Check|Callback Administrative|
        Voice|Fax|Modem Relay|IAPP-Register|IAPP-AP-Check|Authorize Only|Framed-Management|
        Additional-Authorization]]),
    [7] = words(1, [[PPP|SLIP|ARAP|Gandalf proprietary|Xylogics IPX/SLIP|X.75 Synchronous|
        GPRS PDP Context]]),
    [10] = words(0, "None|Send|Listen|Send&Listen"),
    [13] = words(0, "None|VJ TCP/IP|IPX|Stac-LZS"),
    [15] = words(0, [[Telnet|Rlogin|TCP Clear|PortMaster(proprietary)|LAT|X.25-PAD|X.25-T3POS|
        Unassigned|TCP Clear Quiet]]),
    [29] = words(0, "Default|RADIUS-Request"),
    [40] = words(1, [[Start|Stop|Interim-Update|Unassigned|Unassigned|Unassigned|Accounting-On|
        Accounting-Off|Tunnel-Start|Tunnel-Stop|Tunnel-Reject|Tunnel-Link-Start|
        Tunnel-Link-Stop|Tunnel-Link-Reject|Failed]]),
    [45] = words(1, "RADIUS|Local|Remote|Diameter"),
    [49] = words(1, [[User Request|Lost Carrier|Lost Service|Idle Timeout|Session Timeout|
        Admin Reset|Admin Reboot|Port Error|NAS Error|NAS Request|NAS Reboot|Port Unneeded|
        Port Preempted|Port Suspended|Service Unavailable|Callback|User Error|Host Request|
        Supplicant Restart|Reauthentication Failure|Port Reinitialized|
        Port Administratively Disabled|Lost Power]]),
    [57] = words(1, "Enabled|Disabled"),
    [61] = words(0, [[Async|Sync|ISDN Sync|ISDN Async V.120|ISDN Async V.110|Virtual|PIAFS|
        HDLC Clear Channel|X.25|X.75|G.3 Fax|SDSL|ADSL-CAP|ADSL-DMT|ISDN-DSL|Ethernet|xDSL|
        Cable|Wireless - Other|Wireless - IEEE 802.11|Token-Ring|FDDI|Wireless - CDMA200|
        Wireless - UMTS|Wireless - 1X-EV|IAPP|FTTP|Wireless - IEEE 802.16|
        Wireless - IEEE 802.20|Wireless - IEEE 802.22|PPPoA|PPPoEoA|PPPoEoE|PPPoEoVLAN|
        PPPoEoQinQ|xPON|Wireless - XGP|WiMAX Pre-Release 8 IWK Function|WIMAX-WIFI-IWK|
        WIMAX-SFF|WIMAX-HA-LMA|WIMAX-DHCP|WIMAX-LBS|WIMAX-WVS]]),
    [64] = words(1, [[PPTP|L2F|L2TP|ATMP|VTP|AH|IP-IP|MIN-IP-IP|ESP|GRE|DVS|IP-in-IP Tunneling|
        VLAN]]),
    [65] = words(1, [[IPv4|IPv6|NSAP|HDLC|BBN 1822|802|E.163|E.164|F.69|X.121|IPX|Appletalk|
        Decnet IV|Banyan Vines|E.164 with NSAP subaddress]]),
    [72] = words(1, [[Only access to dfl zone|Use zone filter inc.|Not used|
        Use zone filter exc.]]),
    [76] = words(0, "No Echo|Echo"),
}

M.error_causes = { [201] = "Residual Session Context Removed",
    [202] = "Invalid EAP Packet (Ignored)", [401] = "Unsupported Attribute",
    [402] = "Missing Attribute", [403] = "NAS Identification Mismatch",
    [404] = "Invalid Request", [405] = "Unsupported Service", [406] = "Unsupported Extension",
    [407] = "Invalid Attribute Value", [501] = "Administratively Prohibited",
    [502] = "Request Not Routable (Proxy)", [503] = "Session Context Not Found",
    [504] = "Session Context Not Removable", [505] = "Other Proxy Processing Error",
    [506] = "Resources Unavailable", [507] = "Request Initiated",
    [508] = "Multiple Session Selection Unsupported", [509] = "Location Info Required" }

-- MIP6-Feature-Vector bits (RFC 5447 and later), in the order printed
M.mip6_bits = {
    { 0x0000000000000001, "MIP6_INTEGRATED" }, { 0x0000000000000002, "LOCAL_HOME_AGENT_ASSIGNMENT" },
    { 0x0000010000000000, "PMIP6_SUPPORTED" }, { 0x0000020000000000, "IP4_HOA_SUPPORTED" },
    { 0x0000040000000000, "LOCAL_MAG_ROUTING_SUPPORTED" }, { 0x0000080000000000, "ASSIGN_LOCAL_IP" },
    { 0x0000100000000000, "MIP4_SUPPORTED" }, { 0x0000200000000000, "OPTIMIZED_IDLE_MODE_MOBILITY" },
    { 0x0000400000000000, "GTPv2_SUPPORTED" }, { 0x0000800000000000, "IP4_TRANSPORT_SUPPORTED" },
    { 0x0001000000000000, "IP4_HOA_ONLY_SUPPORTED" },
    { 0x0002000000000000, "INTER_MAG_ROUTING_SUPPORTED" } }

M.operator_ns = { [0x30] = "TADIG", [0x31] = "REALM", [0x32] = "E212", [0x33] = "ICC" }

-- SMI network management private enterprise codes tcpdump names
M.vendors = { [0] = "IETF (reserved)", [5] = "ACC", [9] = "Cisco", [11] = "Hewlett Packard",
    [42] = "Sun Microsystems", [61] = "Merit", [166] = "Shiva", [193] = "Ericsson AB",
    [255] = "Cisco VPN 5000", [307] = "Livingston", [311] = "Microsoft", [429] = "3Com",
    [529] = "Ascend", [1584] = "Bay Networks", [1991] = "Foundry", [2180] = "Versanet",
    [2352] = "Redback", [2636] = "Juniper Networks", [2637] = "Aptis",
    [3076] = "Cisco VPN 3000", [3085] = "CoSine Communications", [3224] = "Netscreen",
    [3199] = "Shasta", [3309] = "Nomadix", [4329] = "Siemens", [4491] = "CableLabs",
    [4874] = "Unisphere Networks", [5263] = "Cisco BBSM",
    [5535] = "3rd Generation Partnership Project 2 (3GPP2)", [5925] = "ipUnplugged",
    [5948] = "Issanni Communications", [6618] = "Quintum", [6728] = "Interlink",
    [8744] = "Colubris", [11862] = "Columbia University", [10415] = "3GPP",
    [10529] = "Gemtek-Systems", [14122] = "Wi-Fi Alliance" }

-- EAP (RFC 3748) codes and method types
M.eap_codes = { "Request", "Response", "Success", "Failure" }
M.eap_types = { [0] = "No proposed", "Identity", "Notification", "Nak", "MD5-challenge", "OTP",
    "GTC", [13] = "TLS", [18] = "SIM", [21] = "TTLS", [23] = "AKA", [43] = "FAST",
    [254] = "Expanded types", [255] = "Experimental" }
M.eap_aka = { [1] = "Challenge", [2] = "Auth reject", [4] = "Sync failure", [5] = "Identity",
    [10] = "Start", [11] = "Challenge", [12] = "Notification", [13] = "Reauth",
    [14] = "Client error" }

return M
