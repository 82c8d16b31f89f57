# The abstract-argumentation layer (candour::af): Dung frameworks, the ICCMA formats and
# semantics. Included from lib/CMakeLists.txt after add_library(candour).
target_sources(candour PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/parse.cpp
  ${CMAKE_CURRENT_LIST_DIR}/grounded.cpp
  ${CMAKE_CURRENT_LIST_DIR}/iccma.cpp
)
target_sources(candour PUBLIC FILE_SET HEADERS BASE_DIRS ${PROJECT_SOURCE_DIR}/include
  FILES
    ${PROJECT_SOURCE_DIR}/include/candour/af/framework.hpp
    ${PROJECT_SOURCE_DIR}/include/candour/af/iccma.hpp
    ${PROJECT_SOURCE_DIR}/include/candour/af/parse.hpp
    ${PROJECT_SOURCE_DIR}/include/candour/af/semantics.hpp
)
