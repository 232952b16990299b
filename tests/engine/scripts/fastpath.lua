-- Prints every packet twice, through the C fast paths (tcplua.fastline, tcplua.tcpline,
-- tcplua.ipverbose) and through the Lua printers alone, and reports each line where the two
-- differ. Also checks that a fast path that declines a packet appended nothing. Used by
-- engine/fast_paths.
local tcplua = require "tcplua"
local P = require "tcplua.print"
local T = require "tcplua.print.tcp"
local I = require "tcplua.print.ip"

local fast_on, line_on = P.fast, T.oneline
local accepted, declined, differ = 0, 0, 0

local function line(pkt, fast)
    P.fast, T.oneline, I.cverbose = fast and fast_on, fast and line_on, fast
    local m = tcplua.mark()
    P.packet(pkt)
    return tcplua.take(m)
end

function packet(pkt)
    local m = tcplua.mark()
    local n = tcplua.fastline(pkt)
    if n then
        accepted = accepted + 1
    else
        declined = declined + 1
        if tcplua.mark() ~= m then
            differ = differ + 1
            tcplua.out("fastline declined packet ", pkt.num, " but appended text\n")
        end
    end
    tcplua.take(m)
    local a, b = line(pkt, true), line(pkt, false)
    if a ~= b then
        differ = differ + 1
        tcplua.out("packet ", pkt.num, ":\n fast: ", a, " lua:  ", b)
    end
end

function finish()
    P.fast, T.oneline, I.cverbose = fast_on, line_on, true
    io.stderr:write(string.format("fast path: %d accepted, %d declined, %d differ\n",
        accepted, declined, differ))
    return differ == 0 and 0 or 1
end
