# `cpack -G DEB` (or `cpack` in the build folder): a .deb of what `cmake --install`
# lays out, under /usr. dpkg-shlibdeps finds the shared libraries' Debian packages;
# the fonts are read at run time (app/shell/fonts.cpp), so they are named by hand.
# Mesa comes through libglfw3 -> libgl1 -> libglx-mesa0 -> libgl1-mesa-dri.
# tools/check-deb.sh installs the .deb on a fresh Debian 12 chroot with apt.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME convscope)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "convscope developers")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "see how convolutions work, step by step")
set(CPACK_PACKAGE_DESCRIPTION
    "convscope teaches convolutions: lessons animate a kernel sliding over an input with
padding, stride, dilation, transposed convolution and pooling, and a small CNN trained
on MNIST whose feature maps you can watch. A command line computes the same things.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # convscope_0.2.0_amd64.deb
# The project has no public address yet: ".invalid" says so; a packager sets their own.
set(CONVSCOPE_DEB_MAINTAINER "convscope developers <maintainers@convscope.invalid>"
    CACHE STRING "The .deb's Maintainer field")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${CONVSCOPE_DEB_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION education)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-dejavu-core, fonts-wqy-microhei")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
include(CPack)
