-- filter fails
function filter(p)
  return p.nosuch.field
end
