-- default.lua: tcplua's default script, printing every packet the way tcpdump 4.99 does.
-- All formatting lives in tcplua.print and its per-protocol modules; this file only wires
-- the hook, and defines none when writing a capture with -w unless --print is given.
local tcplua = require "tcplua"

local opt = tcplua.opt
local w = opt.w
if not (w and w ~= "" and w ~= 0) or opt.print then
    packet = require("tcplua.print").packet -- luacheck: ignore 111
end
