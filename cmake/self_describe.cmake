# Runs `tandem manpage` and `tandem completion bash` into OUT (cmake/install.cmake).
file(MAKE_DIRECTORY ${OUT}/completions)
foreach(run "manpage;tandem.1" "completion;bash;completions/tandem")
  list(POP_BACK run file)
  execute_process(COMMAND ${TANDEM} ${run} OUTPUT_FILE ${OUT}/${file} RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "tandem ${run} failed (${status})")
  endif()
endforeach()
