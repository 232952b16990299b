-- file_error fails while reporting an unreadable input
function file_error(name, msg)
  error("while reporting: " .. msg)
end
