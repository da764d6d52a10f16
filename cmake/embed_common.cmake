# What the embedding scripts (embed_text.cmake, embed_migrations.cmake) share: choosing a raw
# string delimiter that cannot occur in a text, and writing generated source only when it changes
# (so an untouched input recompiles nothing). Included in script mode.

# A raw string delimiter is at most 16 characters; a short prefix plus a counter stays well within.
# Enough attempts for any text: each attempt only has to avoid the delimiters the text contains.
set(redress_max_delimiter_attempts 1000)

# Sets out_var to a delimiter d, `prefix` followed by a counter if need be, such that `)d"` does
# not occur in `text`.
function(redress_raw_string_delimiter text prefix out_var)
  set(delimiter "${prefix}")
  set(attempt 0)
  while(1)
    string(FIND "${text}" ")${delimiter}\"" found)
    if(found EQUAL -1)
      set(${out_var} "${delimiter}" PARENT_SCOPE)
      return()
    endif()
    math(EXPR attempt "${attempt} + 1")
    if(attempt GREATER redress_max_delimiter_attempts)
      message(FATAL_ERROR "no raw string delimiter fits the text")
    endif()
    set(delimiter "${prefix}${attempt}")
  endwhile()
endfunction()

# Writes `content` to `path` unless the file already holds exactly that.
function(redress_write_if_changed path content)
  set(previous_content "")
  if(EXISTS "${path}")
    file(READ "${path}" previous_content)
  endif()
  if(NOT content STREQUAL previous_content)
    file(WRITE "${path}" "${content}")
  endif()
endfunction()
