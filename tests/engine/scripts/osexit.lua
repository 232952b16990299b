local tl = require "tcplua"
function packet(p)
  tl.out(p.num, "\n")
  if p.num == 3 then os.exit(4) end
end
