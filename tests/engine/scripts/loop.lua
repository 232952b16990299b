-- loops forever on the second packet
function packet(p)
  if p.num == 2 then
    while true do end
  end
  print(p.num)
end
function finish() print("finish ran") end
