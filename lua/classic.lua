-- classic.lua: prints each packet the way tcpdump 3.x did (the "classic" format of the lab
-- handout, docs/classic.md). The printers live in tcplua.classic; this file wires the hook,
-- and defines none when writing a capture with -w unless --print is given.
local tcplua = require "tcplua"

local opt = tcplua.opt
local function on(v) return v ~= nil and v ~= false and v ~= 0 and v ~= "" end
if not on(opt.w) or on(opt.print) then
    packet = require("tcplua.classic").packet -- luacheck: ignore 111
end
