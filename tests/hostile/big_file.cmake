# Generates a big case file into the build folder and checks that candour refuses it with exit
# status 1 and exactly one diagnostic, matching EXPECT (a regex; FILE stands for the file), and
# prints nothing on standard output. The file is removed afterwards.
#   GENERATOR  make_big_case   EXE  candour   FILE  where to write it   SIZE  bytes   EXPECT
execute_process(COMMAND ${GENERATOR} ${FILE} ${SIZE} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "could not generate ${FILE}")
endif()
execute_process(COMMAND ${EXE} evaluate ${FILE} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
file(REMOVE ${FILE})
string(REPLACE "FILE" "${FILE}" expected "^${EXPECT}\n$")
if(NOT rc EQUAL 1 OR NOT out STREQUAL "" OR NOT err MATCHES "${expected}")
  message(FATAL_ERROR "expected exit 1 and stderr matching\n${expected}\ngot exit ${rc}, stdout '${out}' and stderr\n${err}")
endif()
