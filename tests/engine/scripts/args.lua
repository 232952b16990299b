local tl = require "tcplua"
local a
function init(args) a = args end
function finish()
  tl.out("port=", a.port, " lang=", a.argv.lang, " n=", a.options.n, "\n")
end
