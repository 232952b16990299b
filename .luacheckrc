-- luacheck settings for the shipped scripts and examples: Lua 5.4, and the hooks a tcplua
-- script defines as globals.
std = "lua54"
globals = { "init", "filter", "packet", "finish", "flow_start", "flow_end",
            "file_start", "file_end", "file_error" }
max_line_length = 120
