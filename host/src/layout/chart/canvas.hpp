// What every chart family draws with: the chart's element, its text (real text in the book's
// fonts, never below the minimum size), the placed text boxes that later labels must not
// overlap, the theme palette, nice value scales with Turkish tick labels, and the legend.
// Each family has its own file (bar.cpp, line.cpp, pie.cpp, gauge.cpp); chart.cpp checks the
// data and picks the family.
#pragma once

#include "layout/page_model.hpp"

#include <dizgi/model/document.hpp>

#include <optional>
#include <string>
#include <vector>

namespace dizgi::layout::chart {


struct Box {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  bool intersects(const Box& other) const {
    return x0 < other.x1 && other.x0 < x1 && y0 < other.y1 && other.y0 < y1;
  }
};

enum class Anchor { invalid = 0, start, middle, end };

// One series as the families read it: geometry as doubles, the exact values for labels.
struct Series {
  std::string name;
  std::vector<std::optional<double>> y;  // per category; nullopt = no value (a gap)
  std::vector<Value> exact;              // the data as given, for value labels
  std::vector<std::string> labels;       // per point, as the plugin gave them
  doc::NumberFormat format;
  Color color;
};

// A chart's data after the checks of chart.cpp: as many values per series as categories.
struct Data {
  std::vector<std::string> categories;
  std::vector<Series> series;
  std::vector<std::string> without_value;  // categories left out of a bar chart: no value at all
};

// A value scale with "nice" steps (1, 2, 2.5 or 5 × 10^k), always including zero for bars.
struct Scale {
  double low = 0, high = 1, step = 1;
  int digits = 0;  // fraction digits the tick labels need
  std::vector<double> ticks;
  // The position of `value` between p0 (at low) and p1 (at high).
  double at(double value, double p0, double p1) const { return p0 + (p1 - p0) * (value - low) / (high - low); }
};

// A scale over [low, high] with at most `max_ticks` intervals.
Scale nice_scale(double low, double high, int max_ticks);

// How the value axis writes its numbers: the power of ten they are shown in and the scale note
// above the axis. A plugin that sets the axis format's scale_power gives its own note ("Milyon
// TL"); otherwise figures of millions are shown in millions ("Milyon") and billions in billions,
// with the axis's scale note appended as the unit ("Milyon TL").
struct AxisText {
  int scale_power = 0;
  std::string note;
};
AxisText axis_text(const doc::Axis& axis, const Scale& scale);

class Canvas {
 public:
  Canvas(Element& element, const Template& style, text::Shaper& shaper, const text::FontKey& font, double width,
         std::string missing);

  Element& element;
  const Template& style;
  double max_height = 0;  // the most a chart may take (a page's text height less its caption); 0: any
  double width() const { return width_; }
  double size_pt() const { return font_.size_pt; }
  double line_height() const { return font_.size_pt * 1.25; }
  double ascent() const { return font_.size_pt * 0.72; }
  const std::string& missing() const { return missing_; }
  Color text_color() const { return style.color("text"); }
  Color muted() const { return style.color("gri"); }
  Color grid() const { return style.color("cizgi"); }

  // `size` is a factor of the chart's text size (key figures are set larger).
  double measure(const std::string& text, bool bold = false, double size = 1);
  // The box text would take with its baseline at `baseline`.
  Box box_of(const std::string& text, double x, double baseline, Anchor anchor, bool bold = false, double size = 1);
  // Whether a box lies inside the chart's width and clear of all text placed so far.
  bool free(const Box& box) const;
  // Sets text; its box is remembered so that later labels avoid it.
  Box text(const std::string& text, double x, double baseline, Anchor anchor, Color color, bool bold = false,
           double size = 1);
  // Sets text only where it is free; returns whether it was set.
  bool text_if_free(const std::string& text, double x, double baseline, Anchor anchor, Color color);
  // The text broken into lines at word boundaries no wider than `width` (a word longer than the
  // width stays whole on its line: callers check with measure()).
  std::vector<std::string> wrap(const std::string& text, double width);
  // The colour of series `index`: the series' own theme colour, else the palette's next.
  Color series_color(const std::string& own, std::size_t index) const;
  // Black or white, whichever reads better on `fill`.
  Color ink_on(const Color& fill) const;

 private:
  text::Shaper& shaper_;
  text::FontKey font_;
  double width_;
  std::string missing_;
  std::vector<Box> placed_;
  std::vector<Color> palette_;
};

// The label lines of each category wrapped to `width`; empty when some label does not fit in
// `max_lines` lines of that width.
std::vector<std::vector<std::string>> category_lines(Canvas& canvas, const std::vector<std::string>& categories,
                                                     double width, std::size_t max_lines);

// A value as an exact decimal (integers too); nullopt for null and non-numbers.
std::optional<Decimal> exact_decimal(const Value& value);

// A value label: the exact value in the series' format, in the axis's scale.
std::string value_label(const Value& value, const doc::NumberFormat& format, int axis_scale_power,
                        const std::string& missing);
// A tick label: `value` with the scale's digits, in Turkish form ("1.000", "2,5", "%20").
std::string tick_label(double value, const Scale& scale, const doc::NumberFormat& format, int scale_power);

// The legend below a chart at `top`, one entry per series — only when there is more than one
// series. Series from `first_line` on get line swatches (lines), the others squares. Returns
// its height.
double legend(Canvas& canvas, const Data& data, double top, std::size_t first_line);

// A note line under the chart (categories without a value); returns its height.
double footnote_line(Canvas& canvas, const std::string& text, double top);

// A vertical value axis: grid lines across [left, right] and tick labels right-aligned before
// `left`. Returns nothing; callers size `left` with axis_label_width().
void vertical_axis(Canvas& canvas, const Scale& scale, const doc::NumberFormat& format, int scale_power, double left,
                   double right, double top, double bottom);
// A horizontal or vertical grid line (the zero line darker), under what is drawn after it.
void grid_line(Canvas& canvas, double x0, double y0, double x1, double y1, bool zero);
double axis_label_width(Canvas& canvas, const Scale& scale, const doc::NumberFormat& format, int scale_power);

// The families (one file each).
void bars(Canvas& canvas, const doc::Chart& chart, const Data& data, bool stacked, bool percent);
void lines(Canvas& canvas, const doc::Chart& chart, const Data& data);
void pie(Canvas& canvas, const doc::Chart& chart, const Data& data);
void gauge(Canvas& canvas, const doc::Chart& chart, const Data& data);
void combination(Canvas& canvas, const doc::Chart& chart, const Data& data);  // bar.cpp
void bullet(Canvas& canvas, const doc::Chart& chart, const Data& data);
void waterfall(Canvas& canvas, const doc::Chart& chart, const Data& data);
void key_figures(Canvas& canvas, const doc::Chart& chart, const Data& data);
// Diagrams.
void org_chart(Canvas& canvas, const doc::Chart& chart, const Data& data);
void gantt(Canvas& canvas, const doc::Chart& chart, const Data& data);
void matrix(Canvas& canvas, const doc::Chart& chart, const Data& data);
void check_matrix(Canvas& canvas, const doc::Chart& chart, const Data& data);
void swot(Canvas& canvas, const doc::Chart& chart, const Data& data);
// Arrow diagrams (process.cpp).
void process_flow(Canvas& canvas, const doc::Chart& chart, const Data& data);
void cycle(Canvas& canvas, const doc::Chart& chart, const Data& data);

}  // namespace dizgi::layout::chart
