# Fails unless the README shows SOURCE exactly, inside a ```cpp block.
file(READ ${README} readme)
file(READ ${SOURCE} source)
string(FIND "${readme}" "```cpp\n${source}```" at)
if(at EQUAL -1)
  message(FATAL_ERROR "README.md does not show ${SOURCE} verbatim in a ```cpp block")
endif()
