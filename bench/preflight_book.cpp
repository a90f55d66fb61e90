// Writes a book-like PDF for the preflight benchmark: N pages (default 500) of 10 pt text, a
// bar chart every fifth page and a photo-sized image every tenth, drawn with cairo the way
// dizgi's renderer draws pages.
//   bench_preflight_book OUT.pdf [PAGES]
#include <cairo-pdf.h>
#include <cairo.h>

#include <cstdio>
#include <cstdlib>
#include <string>

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: bench_preflight_book OUT.pdf [PAGES]\n");
    return 2;
  }
  const int pages = argc > 2 ? std::atoi(argv[2]) : 500;
  constexpr double mm = 72.0 / 25.4;
  const double width = 170 * mm, height = 240 * mm;
  cairo_surface_t* surface = cairo_pdf_surface_create(argv[1], width, height);
  cairo_t* cr = cairo_create(surface);
  cairo_surface_t* photo = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 600, 400);
  {
    cairo_t* p = cairo_create(photo);
    cairo_pattern_t* gradient = cairo_pattern_create_linear(0, 0, 600, 400);
    cairo_pattern_add_color_stop_rgb(gradient, 0, 0.1, 0.3, 0.6);
    cairo_pattern_add_color_stop_rgb(gradient, 1, 0.9, 0.7, 0.2);
    cairo_set_source(p, gradient);
    cairo_paint(p);
    cairo_pattern_destroy(gradient);
    cairo_destroy(p);
  }
  const char* words[] = {"Belediyemiz", "stratejik", "planında", "öngörülen", "hedeflere",
                         "ulaşmak", "için", "yürütülen", "faaliyetler", "ışığında", "göstergeler",
                         "düzenli", "olarak", "izlenmiş", "ve", "raporlanmıştır."};
  cairo_select_font_face(cr, "serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  for (int page = 1; page <= pages; ++page) {
    cairo_set_source_rgb(cr, 0, 0, 0);
    cairo_set_font_size(cr, 14);
    cairo_move_to(cr, 20 * mm, 25 * mm);
    cairo_show_text(cr, ("Bölüm " + std::to_string(1 + page / 20)).c_str());
    cairo_set_font_size(cr, 10);
    for (int line = 0; line < 42; ++line) {
      std::string text;
      for (int w = 0; w < 9; ++w) {
        text += words[(page * 7 + line * 3 + w) % 16];
        text += ' ';
      }
      cairo_move_to(cr, 20 * mm, (35 + line * 4.5) * mm);
      cairo_show_text(cr, text.c_str());
    }
    if (page % 5 == 0) {
      for (int bar = 0; bar < 8; ++bar) {
        cairo_set_source_rgb(cr, 0.2, 0.4 + bar * 0.05, 0.7);
        cairo_rectangle(cr, (25 + bar * 14) * mm, 230 * mm - (bar + 2) * 2 * mm, 10 * mm, (bar + 2) * 2 * mm);
        cairo_fill(cr);
      }
      cairo_set_line_width(cr, 0.5);
      cairo_move_to(cr, 20 * mm, 230 * mm);
      cairo_line_to(cr, 150 * mm, 230 * mm);
      cairo_stroke(cr);
    }
    if (page % 10 == 0) {
      cairo_save(cr);
      cairo_translate(cr, 20 * mm, 20 * mm);
      cairo_scale(cr, 60 * mm / 600, 60 * mm / 600);
      cairo_set_source_surface(cr, photo, 0, 0);
      cairo_paint(cr);
      cairo_restore(cr);
    }
    cairo_set_source_rgb(cr, 0, 0, 0);
    cairo_set_font_size(cr, 9);
    cairo_move_to(cr, 83 * mm, 232 * mm);
    cairo_show_text(cr, std::to_string(page).c_str());
    cairo_show_page(cr);
  }
  cairo_surface_destroy(photo);
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  const bool ok = cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS;
  cairo_surface_destroy(surface);
  return ok ? 0 : 1;
}
