# Packages with CPack (docs/deployment.md, "Packages"):
#   Linux    .deb and .rpm: binaries, /etc/ownvoice/policy.json (conffile), enterprise
#            templates; the maintainer scripts run `ownvoice install --system` /
#            `ownvoice uninstall --system`, which write and remove the browser manifests
#            from the one browser table, pointing at /usr/bin/ownvoice-host.
#   macOS    .pkg (productbuild) with a postinstall script doing the same.
#   Windows  .msi built with wixl from installer/windows/ownvoice.wxs: target `msi` (not
#            CPack), HKLM keys in the MSI's own Registry table, no custom action.
# Build:  cmake --build build --target package   or   (cd build && cpack -G DEB)
add_subdirectory(${PROJECT_SOURCE_DIR}/installer ${PROJECT_BINARY_DIR}/installer)

set(CPACK_PACKAGE_NAME "ownvoice")
set(CPACK_PACKAGE_VENDOR "OwnVoice")
set(CPACK_PACKAGE_CONTACT "OwnVoice maintainers <maintainers@ownvoice.org>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_DESCRIPTION
  "OwnVoice checks a social-media post on this computer before it is shared: it adds the personal disclaimer, screens for the confidential terms the employer configured, flags promotional posts and keeps an encrypted log only the employee can read. It never opens a network connection.")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_HOMEPAGE_URL "https://ownvoice.org")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "OwnVoice")
set(CPACK_STRIP_FILES TRUE)
set(CPACK_SOURCE_GENERATOR "")

if(CMAKE_SYSTEM_NAME STREQUAL "Linux")
  set(CPACK_GENERATOR "DEB;RPM")
  set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
  set(OWNVOICE_PKG_SCRIPTS ${PROJECT_SOURCE_DIR}/installer/linux)

  # Debian
  set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
  set(CPACK_DEBIAN_PACKAGE_SECTION "utils")
  set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
  set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION TRUE)
  set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    ${OWNVOICE_PKG_SCRIPTS}/postinst ${OWNVOICE_PKG_SCRIPTS}/prerm ${OWNVOICE_PKG_SCRIPTS}/postrm
    ${OWNVOICE_PKG_SCRIPTS}/conffiles)

  # RPM
  set(CPACK_RPM_FILE_NAME RPM-DEFAULT)
  set(CPACK_RPM_PACKAGE_LICENSE "Proprietary")
  set(CPACK_RPM_PACKAGE_GROUP "Applications/Internet")
  set(CPACK_RPM_PACKAGE_AUTOREQ ON)
  set(CPACK_RPM_POST_INSTALL_SCRIPT_FILE ${OWNVOICE_PKG_SCRIPTS}/rpm-post.sh)
  set(CPACK_RPM_PRE_UNINSTALL_SCRIPT_FILE ${OWNVOICE_PKG_SCRIPTS}/rpm-preun.sh)
  set(CPACK_RPM_POST_UNINSTALL_SCRIPT_FILE ${OWNVOICE_PKG_SCRIPTS}/rpm-postun.sh)
  set(CPACK_RPM_USER_FILELIST "%config(noreplace) /etc/ownvoice/policy.json")
  # Folders the system owns must not be claimed by the package.
  set(CPACK_RPM_EXCLUDE_FROM_AUTO_FILELIST_ADDITION /etc/ownvoice)
elseif(APPLE)
  set(CPACK_GENERATOR "productbuild")
  set(CPACK_PACKAGING_INSTALL_PREFIX "/usr/local")
  set(CPACK_PRODUCTBUILD_IDENTIFIER "org.ownvoice.pkg")
  # Without components everything lands in the "Unspecified" component.
  set(CPACK_POSTFLIGHT_UNSPECIFIED_SCRIPT ${PROJECT_SOURCE_DIR}/installer/macos/postinstall)
elseif(WIN32)
  # The MSI is installer/windows/CMakeLists.txt's `msi` target (wixl), not CPack.
  set(CPACK_GENERATOR "ZIP")
endif()

include(CPack)
