local tl = require "tcplua"
function packet(p)
  tl.out(p.num, "\n")
  if p.num == 2 then tl.exit(5) end
end
