local tl = require "tcplua"
function filter(p) return p.tcp ~= nil and p.tcp.syn end
function packet(p)
  if tl.opt.w and not tl.opt.print then return end
  tl.out(p.num, "\n")
end
