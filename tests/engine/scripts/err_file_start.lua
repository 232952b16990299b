-- file_start fails before the first packet
function file_start(name)
  error("cannot start " .. name:match("[^/]*$"))
end
function packet(p) print(p.num) end
