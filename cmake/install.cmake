# Installing tandem (README.md, "Install"): the program in bin/, its themes in
# share/tandem/themes/ (the program finds them from its own location, so an installed tree
# can be moved: theme/theme.cpp), the manual page and the bash completion, both made at build
# time from the program's own command line definition so that they cannot drift from it.
# `cpack -G DEB` makes a Debian package of the same files.

# Fixed, not GNUInstallDirs: the program looks for ../share/tandem/themes beside itself.
set(TANDEM_GENERATED ${CMAKE_BINARY_DIR}/generated)
add_custom_command(
  OUTPUT ${TANDEM_GENERATED}/tandem.1 ${TANDEM_GENERATED}/completions/tandem
  COMMAND ${CMAKE_COMMAND} -DTANDEM=$<TARGET_FILE:tandem> -DOUT=${TANDEM_GENERATED} -P
          ${CMAKE_CURRENT_LIST_DIR}/self_describe.cmake
  DEPENDS tandem ${CMAKE_CURRENT_LIST_DIR}/self_describe.cmake
  COMMENT "Making the manual page and the bash completion from tandem's own options"
  VERBATIM)
add_custom_target(tandem_self_description ALL DEPENDS ${TANDEM_GENERATED}/tandem.1
                                                      ${TANDEM_GENERATED}/completions/tandem)

install(TARGETS tandem RUNTIME DESTINATION bin)
# The theme's npm files only fetch its official assets, which it already holds.
install(DIRECTORY ${PROJECT_SOURCE_DIR}/themes/ DESTINATION share/tandem/themes
        PATTERN node_modules EXCLUDE PATTERN package.json EXCLUDE PATTERN package-lock.json EXCLUDE
        PATTERN *.mjs EXCLUDE)
install(FILES ${TANDEM_GENERATED}/tandem.1 DESTINATION share/man/man1)
install(FILES ${TANDEM_GENERATED}/completions/tandem DESTINATION share/bash-completion/completions)

# The Debian package. Its dependencies are read from the program itself by dpkg-shlibdeps
# (dpkg-dev), so a library added later is not forgotten; without it, the list below, found with
# dpkg -S on the shared objects `ldd tandem` listed on Debian 12. git gives dates modified.
set(CPACK_PACKAGE_NAME tandem)
set(CPACK_PACKAGE_VENDOR "tandem")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Bilingual static site generator for Canada.ca-style sites")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_GENERATOR DEB)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "tandem maintainers <tandem@example.ca>")
set(CPACK_DEBIAN_PACKAGE_SECTION web)
find_program(DPKG_SHLIBDEPS dpkg-shlibdeps)
if(DPKG_SHLIBDEPS)
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
else()
  set(CPACK_DEBIAN_PACKAGE_DEPENDS
      "libc6, libstdc++6, libgcc-s1, libicu72, libcmark-gfm0.29.0.gfm.6, libcmark-gfm-extensions0.29.0.gfm.6, \
libtomlplusplus3, libyaml-cpp0.7, libxxhash0, libjemalloc2, libcpp-httplib0.11")
endif()
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "git")
include(CPack)
