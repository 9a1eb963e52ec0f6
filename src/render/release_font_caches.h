// For test binaries that draw PDFs: Pango, Cairo and fontconfig keep font
// caches for the life of the process; releasing them when the tests end lets
// LeakSanitizer see only real leaks. Include once per test binary.
#pragma once

#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <gtest/gtest.h>
#include <pango/pangocairo.h>

namespace plenary::testing {

class ReleaseFontCaches : public ::testing::Environment {
 public:
  void TearDown() override {
    pango_cairo_font_map_set_default(nullptr);
    cairo_debug_reset_static_data();
    FcFini();
  }
};

inline const auto* const kReleaseFontCaches = ::testing::AddGlobalTestEnvironment(new ReleaseFontCaches);

}  // namespace plenary::testing
