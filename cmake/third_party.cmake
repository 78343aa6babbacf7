# Third-party code: nothing is committed. Debian packages provide the native libraries;
# scripts/bootstrap fetches Dear ImGui, libsodium and the SQLite amalgamation into
# .cache/third_party.

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

# libsodium 1.0.18: Debian's libsodium-dev natively; for wasm the same release from Debian's
# source package, compiled with only what the engine calls (the kiosk PIN, engine/kiosk/pin.h):
# Argon2id crypto_pwhash_str (with BLAKE2b, its hash), SHA-256 (the legacy PIN check),
# crypto_verify, randombytes (which under __EMSCRIPTEN__ reads crypto.getRandomValues, or
# Node's crypto module in the tests), sodium_init and the utils/codecs it needs. sodium_init
# also picks the Poly1305, Curve25519, ChaCha20 and Salsa20 implementations, so their
# portable versions come along. The defines are what configure would set for this build: no
# assembly, no SIMD intrinsics, no threads, little-endian.
if(KINERJA_WASM)
  set(_sodium ${KINERJA_THIRD_PARTY_DIR}/libsodium/src/libsodium)
  if(NOT EXISTS ${_sodium}/include/sodium.h)
    message(FATAL_ERROR "libsodium sources missing in ${_sodium}: run scripts/bootstrap")
  endif()
  # The headers are copied into the build folder beside sodium/version.h, which configure
  # generates from version.h.in (the values are configure.ac's).
  set(_sodium_inc ${CMAKE_BINARY_DIR}/third_party/sodium/include)
  file(COPY ${_sodium}/include/ DESTINATION ${_sodium_inc} PATTERN "*.in" EXCLUDE)
  set(VERSION 1.0.18)
  set(SODIUM_LIBRARY_VERSION_MAJOR 10)
  set(SODIUM_LIBRARY_VERSION_MINOR 3)
  set(SODIUM_LIBRARY_MINIMAL_DEF "")
  configure_file(${_sodium}/include/sodium/version.h.in ${_sodium_inc}/sodium/version.h @ONLY)
  add_library(kinerja_sodium STATIC
      ${_sodium}/sodium/core.c ${_sodium}/sodium/utils.c ${_sodium}/sodium/codecs.c
      ${_sodium}/sodium/runtime.c
      ${_sodium}/randombytes/randombytes.c
      ${_sodium}/crypto_verify/sodium/verify.c
      ${_sodium}/crypto_hash/sha256/hash_sha256.c ${_sodium}/crypto_hash/sha256/cp/hash_sha256_cp.c
      ${_sodium}/crypto_pwhash/crypto_pwhash.c
      ${_sodium}/crypto_pwhash/argon2/argon2.c ${_sodium}/crypto_pwhash/argon2/argon2-core.c
      ${_sodium}/crypto_pwhash/argon2/argon2-encoding.c
      ${_sodium}/crypto_pwhash/argon2/argon2-fill-block-ref.c
      ${_sodium}/crypto_pwhash/argon2/blake2b-long.c
      ${_sodium}/crypto_pwhash/argon2/pwhash_argon2i.c
      ${_sodium}/crypto_pwhash/argon2/pwhash_argon2id.c
      ${_sodium}/crypto_generichash/blake2b/ref/generichash_blake2b.c
      ${_sodium}/crypto_generichash/blake2b/ref/blake2b-ref.c
      ${_sodium}/crypto_generichash/blake2b/ref/blake2b-compress-ref.c
      ${_sodium}/crypto_onetimeauth/poly1305/onetimeauth_poly1305.c
      ${_sodium}/crypto_onetimeauth/poly1305/donna/poly1305_donna.c
      ${_sodium}/crypto_scalarmult/curve25519/scalarmult_curve25519.c
      ${_sodium}/crypto_scalarmult/curve25519/ref10/x25519_ref10.c
      ${_sodium}/crypto_stream/chacha20/stream_chacha20.c
      ${_sodium}/crypto_stream/chacha20/ref/chacha20_ref.c
      ${_sodium}/crypto_stream/salsa20/stream_salsa20.c
      ${_sodium}/crypto_stream/salsa20/ref/salsa20_ref.c)
  target_include_directories(kinerja_sodium SYSTEM PUBLIC ${_sodium_inc})
  target_include_directories(kinerja_sodium PRIVATE ${_sodium_inc}/sodium)
  target_compile_definitions(kinerja_sodium PUBLIC SODIUM_STATIC=1)
  target_compile_definitions(kinerja_sodium PRIVATE CONFIGURED=1 NATIVE_LITTLE_ENDIAN=1)
  target_compile_options(kinerja_sodium PRIVATE -O2 -w)
else()
  find_package(PkgConfig REQUIRED)
  pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium)
  add_library(kinerja_sodium INTERFACE)
  target_link_libraries(kinerja_sodium INTERFACE PkgConfig::SODIUM)
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
  find_package(benchmark QUIET)
  # The server's exports: XLSX workbooks (libxlsxwriter) and printable PDFs (libharu).
  pkg_check_modules(XLSXWRITER REQUIRED IMPORTED_TARGET xlsxwriter)
  find_path(HPDF_INCLUDE_DIR hpdf.h REQUIRED)
  find_library(HPDF_LIBRARY hpdf REQUIRED)
  add_library(kinerja_hpdf INTERFACE)
  target_include_directories(kinerja_hpdf SYSTEM INTERFACE ${HPDF_INCLUDE_DIR})
  target_link_libraries(kinerja_hpdf INTERFACE ${HPDF_LIBRARY})
endif()

# Dear ImGui 1.86 (Debian source package): its core for both targets (natively only the web
# tests draw with it, headless), the GLFW + OpenGL backends for the browser app.
set(_imgui ${KINERJA_THIRD_PARTY_DIR}/imgui)
if(NOT EXISTS ${_imgui}/imgui.h)
  message(FATAL_ERROR "Dear ImGui sources missing in ${_imgui}: run scripts/bootstrap")
endif()
add_library(kinerja_imgui_core STATIC
    ${_imgui}/imgui.cpp ${_imgui}/imgui_draw.cpp ${_imgui}/imgui_tables.cpp
    ${_imgui}/imgui_widgets.cpp)
target_include_directories(kinerja_imgui_core SYSTEM PUBLIC ${_imgui})
# IMGUI_USE_WCHAR32: characters outside the Basic Multilingual Plane (emoji, 4 bytes of UTF-8)
# are kept as typed; with ImGui's default 16-bit ImWchar they become U+FFFD.
target_compile_definitions(kinerja_imgui_core PUBLIC IMGUI_DISABLE_OBSOLETE_FUNCTIONS IMGUI_USE_WCHAR32)
target_compile_options(kinerja_imgui_core PRIVATE -w)
if(KINERJA_WASM)
  add_library(kinerja_imgui STATIC
      ${_imgui}/backends/imgui_impl_glfw.cpp ${_imgui}/backends/imgui_impl_opengl3.cpp)
  target_include_directories(kinerja_imgui SYSTEM PUBLIC ${_imgui}/backends)
  target_compile_definitions(kinerja_imgui PUBLIC IMGUI_IMPL_OPENGL_ES3)
  target_link_libraries(kinerja_imgui PUBLIC kinerja_imgui_core)
  target_compile_options(kinerja_imgui PRIVATE -w)
endif()
