-- tcplua.print.md5: MD5 (RFC 1321) of a Lua string, for checking TCP MD5 signatures
-- (RFC 2385) under -M. Only used for segments that carry the option, so plain Lua is enough.
local M = {}
local spack, sunpack, rep = string.pack, string.unpack, string.rep

-- per-round shift amounts and the sine-derived constants K[i] = floor(|sin(i + 1)| * 2^32)
local S = { 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22,
    5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20,
    4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23,
    6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21 }
local K = {}
for i = 1, 64 do K[i] = math.floor(math.abs(math.sin(i)) * 2 ^ 32) & 0xffffffff end

local function rotl(x, n)
    return ((x << n) | (x >> (32 - n))) & 0xffffffff
end

-- the 16-byte digest of msg
function M.sum(msg)
    local n = #msg
    msg = msg .. "\128" .. rep("\0", (55 - n) % 64) .. spack("<I8", (n * 8) & -1)
    local a0, b0, c0, d0 = 0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476
    local w = {}
    for blk = 1, #msg, 64 do
        for j = 0, 15 do w[j] = sunpack("<I4", msg, blk + 4 * j) end
        local a, b, c, d = a0, b0, c0, d0
        for i = 0, 63 do
            local f, g
            if i < 16 then
                f, g = (b & c) | (~b & d), i
            elseif i < 32 then
                f, g = (d & b) | (~d & c), (5 * i + 1) % 16
            elseif i < 48 then
                f, g = b ~ c ~ d, (3 * i + 5) % 16
            else
                f, g = c ~ (b | (~d & 0xffffffff)), (7 * i) % 16
            end
            f = (f + a + K[i + 1] + w[g]) & 0xffffffff
            a, d, c = d, c, b
            b = (b + rotl(f, S[i + 1])) & 0xffffffff
        end
        a0 = (a0 + a) & 0xffffffff
        b0 = (b0 + b) & 0xffffffff
        c0 = (c0 + c) & 0xffffffff
        d0 = (d0 + d) & 0xffffffff
    end
    return spack("<I4I4I4I4", a0, b0, c0, d0)
end

return M
