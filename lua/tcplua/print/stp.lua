-- tcplua.print.stp: IEEE 802.1D/802.1w spanning tree BPDUs (LLC SAP 0x42, Cisco PVST) in
-- tcpdump 4.99's one-line form: version, BPDU type, flags, sender bridge id and port, length.
-- The -v detail lines are not printed yet.
local tcplua = require "tcplua"
local U = require "tcplua.print.util"

local M = {}
local out = tcplua.out
local hex2, hex4 = U.hex2, U.hex4

local versions = { [0] = "802.1d", [2] = "802.1w", [3] = "802.1s", [4] = "SPB" }
local types = { [0x00] = "Config", [0x80] = "Topology Change", [0x02] = "Rapid STP" }
local flagbits = { { 0x01, "Topology change" }, { 0x02, "Proposal" }, { 0x10, "Learn" },
    { 0x20, "Forward" }, { 0x40, "Agreement" }, { 0x80, "Topology change ACK" } }

local function flags(f)
    local t = {}
    for i = 1, #flagbits do
        local b = flagbits[i]
        if f & b[1] ~= 0 then t[#t + 1] = b[2] end
    end
    if #t == 0 then return "none" end
    return table.concat(t, ", ")
end

-- Print the BPDU at off (length bytes on the wire).
function M.print(pkt, off, length)
    local ver, typ = pkt:u8(off + 2), pkt:u8(off + 3)
    if not typ then return U.trunc("stp") end
    out("STP ", versions[ver] or ("Unknown STP protocol (0x" .. hex2[ver] .. ")"))
    if not versions[ver] then return end
    out(", ", types[typ] or ("Unknown BPDU Type (0x" .. hex2[typ] .. ")"))
    if typ == 0x80 or not types[typ] then return end
    local port = pkt:u16(off + 25)
    if not port then return U.trunc("stp") end
    local b = { pkt:sub(off + 19, 6):byte(1, 6) }
    local mac = U.ether(table.concat({ hex2[b[1]], hex2[b[2]], hex2[b[3]], hex2[b[4]],
        hex2[b[5]], hex2[b[6]] }, ":"))
    out(", Flags [", flags(pkt:u8(off + 4)), "], bridge-id ", hex4(pkt:u16(off + 17)), ".", mac,
        ".", hex4(port), ", length ", length)
end

return M
