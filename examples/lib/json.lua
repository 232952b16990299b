-- json.lua: a small JSON encoder for the reports of grade-exercise.lua (no dependency).
-- Strings are escaped by hand; bytes that are not valid UTF-8 are read as Latin-1 so
-- the output is always valid JSON. Tables with [1] (or marked empty arrays) are arrays.
local M = {}

M.array_mt = {} -- setmetatable({}, json.array_mt) encodes an empty table as []

local escapes = { ['"'] = '\\"', ["\\"] = "\\\\", ["\b"] = "\\b", ["\f"] = "\\f",
                  ["\n"] = "\\n", ["\r"] = "\\r", ["\t"] = "\\t" }

local function esc_char(c)
    return escapes[c] or string.format("\\u%04x", c:byte())
end

local function latin1(s)
    return (s:gsub("[\128-\255]", function(c)
        return utf8.char(c:byte())
    end))
end

local function str(s)
    if not utf8.len(s) then s = latin1(s) end
    return '"' .. s:gsub('[%c"\\]', esc_char) .. '"'
end

local function is_array(t)
    return getmetatable(t) == M.array_mt or t[1] ~= nil
end

local encode

local function keys_sorted(t)
    local ks = {}
    for k in pairs(t) do ks[#ks + 1] = tostring(k) end
    table.sort(ks)
    return ks
end

-- order: an optional array of keys to put first, in that order
encode = function(v, order)
    local ty = type(v)
    if ty == "string" then return str(v) end
    if ty == "number" then
        if math.type(v) == "integer" then return tostring(v) end
        if v ~= v or v == math.huge or v == -math.huge then return "null" end
        return string.format("%.14g", v)
    end
    if ty == "boolean" then return tostring(v) end
    if v == nil then return "null" end
    if ty ~= "table" then error("json: cannot encode a " .. ty) end
    local parts = {}
    if is_array(v) then
        for i = 1, #v do parts[i] = encode(v[i], order) end
        return "[" .. table.concat(parts, ",") .. "]"
    end
    local seen, ks = {}, {}
    for _, k in ipairs(order or {}) do
        if v[k] ~= nil then ks[#ks + 1] = k; seen[k] = true end
    end
    for _, k in ipairs(keys_sorted(v)) do
        if not seen[k] then ks[#ks + 1] = k end
    end
    for i, k in ipairs(ks) do parts[i] = str(k) .. ":" .. encode(v[k], order) end
    return "{" .. table.concat(parts, ",") .. "}"
end

M.encode = encode
M.string = str

return M
