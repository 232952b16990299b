-- a syntax error on line 3
function packet(p)
  return (
end
