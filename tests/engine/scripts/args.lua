local tl = require "tcplua"
local a, input
function init(args) a = args end
function packet(p) input = input or p.input end
function finish()
  tl.out("port=", a.port, " lang=", a.argv.lang, " n=", a.options.n, "\n")
  tl.out("input=", input, "\n")
end
