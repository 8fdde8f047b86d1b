# Finds the system packages convscope builds on. Each missing one stops CMake with
# the Debian package that provides it.
find_package(PkgConfig QUIET)
find_package(Threads REQUIRED)

function(convscope_require_package found debian_package what)
    if(NOT ${found})
        message(FATAL_ERROR "convscope needs ${what}: install it with\n"
                            "    sudo apt-get install ${debian_package}")
    endif()
endfunction()

convscope_require_package(PKG_CONFIG_FOUND pkg-config "pkg-config")

find_package(nlohmann_json 3 QUIET)
convscope_require_package(nlohmann_json_FOUND nlohmann-json3-dev "the nlohmann JSON headers")

# MNIST files may be gzip-compressed; core reads them through zlib.
find_package(ZLIB QUIET)
convscope_require_package(ZLIB_FOUND zlib1g-dev "zlib (reads gzipped MNIST files)")

# Lesson animations are exported as GIF through giflib's encoder.
find_path(GIF_INCLUDE_DIR gif_lib.h)
find_library(GIF_LIBRARY gif)
if(GIF_INCLUDE_DIR AND GIF_LIBRARY)
    set(GIFLIB_FOUND TRUE)
endif()
convscope_require_package(GIFLIB_FOUND libgif-dev "giflib (gif_lib.h and libgif, writes GIF animations)")
add_library(convscope_giflib INTERFACE)
target_include_directories(convscope_giflib SYSTEM INTERFACE ${GIF_INCLUDE_DIR})
target_link_libraries(convscope_giflib INTERFACE ${GIF_LIBRARY})

# ONNX models are read through Debian's generated protobuf classes (onnx-ml.pb.h, namespace
# onnx, ONNX_ML=1 as the ONNX targets define); only libonnx_proto is linked. Protobuf first:
# the ONNX targets name protobuf::libprotobuf.
find_package(Protobuf QUIET)
convscope_require_package(Protobuf_FOUND libprotobuf-dev "protobuf (reads ONNX models)")
find_package(ONNX QUIET)
if(TARGET onnx_proto)
    set(CONVSCOPE_ONNX_FOUND TRUE)
endif()
convscope_require_package(CONVSCOPE_ONNX_FOUND libonnx-dev "ONNX's protobuf classes (onnx/onnx_pb.h)")
# Big feature maps are written row by row through libspng (fast zlib settings).
pkg_check_modules(SPNG QUIET IMPORTED_TARGET spng)
convscope_require_package(SPNG_FOUND libspng-dev "libspng (spng.h, writes big PNGs row by row)")

find_path(STB_INCLUDE_DIR stb_image.h PATH_SUFFIXES stb)
convscope_require_package(STB_INCLUDE_DIR libstb-dev "the stb headers (stb_image.h)")
# The one translation unit that compiles stb's implementations.
add_library(convscope_stb STATIC ${CMAKE_CURRENT_LIST_DIR}/stb_implementation.c)
target_include_directories(convscope_stb SYSTEM PUBLIC ${STB_INCLUDE_DIR})

if(CONVSCOPE_BUILD_GUI)
    pkg_check_modules(GLFW3 QUIET IMPORTED_TARGET glfw3)
    convscope_require_package(GLFW3_FOUND libglfw3-dev "GLFW 3")
    pkg_check_modules(EPOXY QUIET IMPORTED_TARGET epoxy)
    convscope_require_package(EPOXY_FOUND libepoxy-dev "libepoxy (OpenGL loader)")
    find_path(IMGUI_INCLUDE_DIR imgui.h PATH_SUFFIXES imgui)
    find_library(IMGUI_LIBRARY imgui)
    if(IMGUI_INCLUDE_DIR AND IMGUI_LIBRARY)
        set(IMGUI_FOUND TRUE)
    endif()
    convscope_require_package(IMGUI_FOUND libimgui-dev "Dear ImGui with its GLFW and OpenGL3 backends")
    # Debian's libimgui.a calls stb_truetype and stb_rect_pack from libstb.
    find_library(STB_LIBRARY stb)
    convscope_require_package(STB_LIBRARY libstb-dev "the stb library (libstb.so)")
    find_package(OpenGL REQUIRED COMPONENTS OpenGL)
    # Debian's libimgui.a carries the GLFW and OpenGL3 backends.
    add_library(convscope_imgui INTERFACE)
    target_include_directories(convscope_imgui SYSTEM INTERFACE ${IMGUI_INCLUDE_DIR}
                                                                ${IMGUI_INCLUDE_DIR}/backends)
    target_link_libraries(convscope_imgui INTERFACE ${IMGUI_LIBRARY} ${STB_LIBRARY}
                                                    PkgConfig::GLFW3 OpenGL::OpenGL ${CMAKE_DL_LIBS})
endif()

if(CONVSCOPE_BUILD_TESTS)
    find_package(doctest QUIET)
    convscope_require_package(doctest_FOUND doctest-dev "doctest")
endif()
