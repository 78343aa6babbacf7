# Third-party code: nothing is committed. Debian packages provide the native libraries;
# scripts/bootstrap fetches Dear ImGui and the SQLite amalgamation into .cache/third_party.

# nlohmann/json (header-only, Debian's nlohmann-json3-dev). The wasm sysroot must not see
# /usr/include, so the header tree is copied into the build folder.
if(NOT EXISTS /usr/include/nlohmann/json.hpp)
  message(FATAL_ERROR "nlohmann/json is missing: run scripts/bootstrap")
endif()
file(COPY /usr/include/nlohmann DESTINATION ${CMAKE_BINARY_DIR}/third_party/include)
add_library(kinerja_json INTERFACE)
target_include_directories(kinerja_json SYSTEM INTERFACE ${CMAKE_BINARY_DIR}/third_party/include)

# SQLite: the system library natively; the pinned amalgamation compiled to wasm.
if(KINERJA_WASM)
  set(_sqlite_dir ${KINERJA_THIRD_PARTY_DIR}/sqlite)
  if(NOT EXISTS ${_sqlite_dir}/sqlite3.c)
    message(FATAL_ERROR "SQLite amalgamation missing in ${_sqlite_dir}: run scripts/bootstrap")
  endif()
  add_library(kinerja_sqlite STATIC ${_sqlite_dir}/sqlite3.c)
  target_include_directories(kinerja_sqlite SYSTEM PUBLIC ${_sqlite_dir})
  target_compile_definitions(kinerja_sqlite PRIVATE SQLITE_OMIT_LOAD_EXTENSION
      SQLITE_THREADSAFE=0 SQLITE_DEFAULT_MEMSTATUS=0 SQLITE_OMIT_DEPRECATED
      SQLITE_DQS=0 SQLITE_DEFAULT_FOREIGN_KEYS=1)
  target_compile_options(kinerja_sqlite PRIVATE -O2 -w)
else()
  find_package(SQLite3 REQUIRED)
  add_library(kinerja_sqlite INTERFACE)
  target_link_libraries(kinerja_sqlite INTERFACE SQLite::SQLite3)
endif()

# GoogleTest: Debian's prebuilt library natively; its sources compiled for wasm.
if(KINERJA_WASM)
  set(gtest_disable_pthreads ON CACHE BOOL "" FORCE)
  set(INSTALL_GTEST OFF CACHE BOOL "" FORCE)
  set(BUILD_GMOCK OFF CACHE BOOL "" FORCE)
  add_subdirectory(/usr/src/googletest ${CMAKE_BINARY_DIR}/third_party/googletest EXCLUDE_FROM_ALL)
else()
  find_package(GTest REQUIRED)
  find_package(PkgConfig REQUIRED)
  pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
  pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium)
  find_package(benchmark QUIET)
endif()

# Dear ImGui 1.86 (Debian source package), for the browser app only.
if(KINERJA_WASM)
  set(_imgui ${KINERJA_THIRD_PARTY_DIR}/imgui)
  if(NOT EXISTS ${_imgui}/imgui.h)
    message(FATAL_ERROR "Dear ImGui sources missing in ${_imgui}: run scripts/bootstrap")
  endif()
  add_library(kinerja_imgui STATIC
      ${_imgui}/imgui.cpp ${_imgui}/imgui_draw.cpp ${_imgui}/imgui_tables.cpp
      ${_imgui}/imgui_widgets.cpp
      ${_imgui}/backends/imgui_impl_glfw.cpp ${_imgui}/backends/imgui_impl_opengl3.cpp)
  target_include_directories(kinerja_imgui SYSTEM PUBLIC ${_imgui} ${_imgui}/backends)
  target_compile_definitions(kinerja_imgui PUBLIC IMGUI_IMPL_OPENGL_ES3 IMGUI_DISABLE_OBSOLETE_FUNCTIONS)
  target_compile_options(kinerja_imgui PRIVATE -w)
endif()
