-- i18n.lua: message lookup for the teaching scripts (grade-exercise.lua, explain.lua).
-- A message table maps a language ("en", "ja") to { key = format string }; the
-- translator falls back to English when a key or a language is missing.
local M = {}

-- The language asked for with --arg lang=..., "en" unless it names one the table has.
function M.lang(argv, tables)
    local l = argv and argv.lang
    if l and tables[l] then return l end
    return "en"
end

-- A function T(key, ...) that formats the message `key` in language `lang`.
function M.new(tables, lang)
    local t, en = tables[lang] or tables.en, tables.en
    return function(key, ...)
        local f = t[key] or en[key]
        if not f then error("no message " .. tostring(key), 2) end
        if select("#", ...) == 0 then return f end
        return string.format(f, ...)
    end
end

return M
