-- tcplua.print.pppoe: PPPoE (RFC 2516; ethertypes 0x8863 discovery, 0x8864 session) as
-- tcpdump 4.99 prints it: "PPPoE PADO [ses 0x1] [AC-Name "isp"] ..." with the discovery tags,
-- or the PPP frame of a session packet printed in full (tcplua.print.ppp).
local tcplua = require "tcplua"
local U = require "tcplua.print.util"

local M = {}
local out = tcplua.out
local hex, hex2 = U.hex, U.hex2
local byte = string.byte

local codes = { [0x09] = "PADI", [0x07] = "PADO", [0x19] = "PADR", [0x65] = "PADS",
    [0xa7] = "PADT", [0] = "" }
local tags = { [0] = "EOL", [0x0101] = "Service-Name", [0x0102] = "AC-Name",
    [0x0103] = "Host-Uniq", [0x0104] = "AC-Cookie", [0x0105] = "Vendor-Specific",
    [0x0110] = "Relay-Session-ID", [0x0120] = "PPP-Max-Payload",
    [0x0201] = "Service-Name-Error", [0x0202] = "AC-System-Error", [0x0203] = "Generic-Error" }

-- One tag's value: quoted text (its first 79 bytes, "." for the unprintable ones) when most
-- of those are printable, else the whole value in hex.
local function tagvalue(name, s)
    local n = #s < 79 and #s or 79
    local txt, printable = {}, 0
    for i = 1, n do
        local c = byte(s, i)
        if c >= 32 and c < 127 then
            txt[i] = string.char(c)
            printable = printable + 1
        else
            txt[i] = "."
        end
    end
    if printable > n - printable then
        out(" [", name, " \"", table.concat(txt), "\"]")
    else
        local h = {}
        for i = 1, #s do h[i] = hex2[byte(s, i)]:upper() end
        out(" [", name, " 0x", table.concat(h), "]")
    end
end

-- Discovery tags from p up to the end e (the PPPoE length); false when cut short.
local function discovery(pkt, p, e)
    local t = 0xffff
    while t ~= 0 and p < e do
        local tl = pkt:u16(p + 2)
        if not tl then return false end
        t = pkt:u16(p)
        p = p + 4
        local name = tags[t] or ("TAG-0x" .. hex(t))
        if tl > 0 then
            if pkt.caplen < p + tl then return false end
            tagvalue(name, pkt:sub(p, tl))
        else
            out(" [", name, "]")
        end
        p = p + tl
    end
    return true
end

-- The PPPoE header at off, length bytes on the wire.
function M.print_at(pkt, off, length)
    if length < 6 then
        out(" (length ", length, " < 6) (invalid)")
        return
    end
    length = length - 6
    if pkt.caplen < off + 6 then return U.trunc("pppoe") end
    local vt, code, sid, plen = pkt:u8(off), pkt:u8(off + 1), pkt:u16(off + 2), pkt:u16(off + 4)
    if vt >> 4 ~= 1 then out(" [ver ", vt >> 4, "]") end
    if vt & 15 ~= 1 then out(" [type ", vt & 15, "]") end
    out("PPPoE ", codes[code] or ("PAD-" .. hex(code)))
    if code == 0x09 and plen > 1484 - 6 then out(" [len ", plen, "!]") end
    if plen > length then
        out(" [len ", plen, " > ", length, "!]")
        plen = length
    end
    if sid ~= 0 then out(" [ses 0x", hex(sid), "]") end
    if code ~= 0 then
        if not discovery(pkt, off + 6, off + 6 + plen) then U.trunc("pppoe") end
        return
    end
    out(" ")
    require("tcplua.print.ppp").print_at(pkt, off + 6, plen)
end

-- Network interface (ethertypes 0x8863, 0x8864)
function M.print(pkt, length)
    M.print_at(pkt, pkt.net_off, length)
end

return M
