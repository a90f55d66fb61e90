// Value scales of charts: nice steps, Turkish tick labels, the scale note, the vertical axis.
#include "layout/chart/canvas.hpp"

#include "layout/table/cells.hpp"

#include <algorithm>
#include <cmath>

namespace dizgi::layout::chart {

namespace {

// Fraction digits needed to write `step` exactly (2,5 → 1; 0,25 → 2; 500 → 0).
int digits_of(double step) {
  for (int digits = 0; digits < 8; ++digits) {
    double scaled = step * std::pow(10.0, digits);
    if (std::fabs(scaled - std::round(scaled)) < 1e-6 * std::max(1.0, scaled)) return digits;
  }
  return 8;
}

Decimal decimal_of(double value, int digits) {
  return Decimal{static_cast<int64_t>(std::llround(value * std::pow(10.0, digits))), digits};
}

}  // namespace

Scale nice_scale(double low, double high, int max_ticks) {
  max_ticks = std::max(max_ticks, 1);
  if (high < low) std::swap(low, high);
  if (high - low < 1e-12) {
    if (high == 0) {
      high = 1;
    } else if (high > 0) {
      low = std::min(low, 0.0);
    } else {
      high = 0;
    }
  }
  double range = high - low;
  double magnitude = std::pow(10.0, std::floor(std::log10(range / max_ticks)));
  Scale s;
  for (double m : {1.0, 2.0, 2.5, 5.0, 10.0, 20.0}) {
    double step = m * magnitude;
    double lo = std::floor(low / step + 1e-9) * step, hi = std::ceil(high / step - 1e-9) * step;
    if ((hi - lo) / step <= max_ticks + 1e-9) {
      s.low = lo;
      s.high = hi;
      s.step = step;
      break;
    }
  }
  s.digits = digits_of(s.step);
  int count = static_cast<int>(std::llround((s.high - s.low) / s.step));
  for (int i = 0; i <= count; ++i) {
    double t = s.low + s.step * i;
    s.ticks.push_back(std::fabs(t) < s.step * 1e-9 ? 0.0 : t);
  }
  return s;
}

AxisText axis_text(const doc::Axis& axis, const Scale& scale) {
  AxisText out;
  if (axis.format.scale_power != 0) {
    out.scale_power = axis.format.scale_power;
    out.note = axis.scale_note;
    return out;
  }
  double largest = std::max(std::fabs(scale.low), std::fabs(scale.high));
  if (!axis.format.percent && largest >= 1e9) {
    out.scale_power = 9;
    out.note = "Milyar";
  } else if (!axis.format.percent && largest >= 1e6) {
    out.scale_power = 6;
    out.note = "Milyon";
  }
  if (!axis.scale_note.empty()) out.note += (out.note.empty() ? "" : " ") + axis.scale_note;
  return out;
}

std::string value_label(const Value& value, const doc::NumberFormat& format, int axis_scale_power,
                        const std::string& missing) {
  doc::NumberFormat f = format;
  if (f.scale_power == 0 && axis_scale_power > 0) {
    f.scale_power = axis_scale_power;
    f.fraction_digits = 1;
  }
  return format_value(value, f, missing);
}

std::string tick_label(double value, const Scale& scale, const doc::NumberFormat& format, int scale_power) {
  doc::NumberFormat f = format;
  f.scale_power = scale_power;
  f.fraction_digits = digits_of(scale.step / std::pow(10.0, scale_power));
  return format_value(decimal_of(value, std::max(scale.digits, 0)), f, "");
}

void grid_line(Canvas& canvas, double x0, double y0, double x1, double y1, bool zero) {
  // A thin rectangle rather than a rule: rectangles are drawn in order, so the bars set after
  // it cover it.
  double w = zero ? 0.6 : 0.25;
  Rect r = x0 == x1 ? Rect{x0 - w / 2, std::min(y0, y1), w, std::fabs(y1 - y0)}
                    : Rect{std::min(x0, x1), y0 - w / 2, std::fabs(x1 - x0), w};
  r.fill = zero ? canvas.muted() : canvas.grid();
  canvas.element.rects.push_back(r);
}

double axis_label_width(Canvas& canvas, const Scale& scale, const doc::NumberFormat& format, int scale_power) {
  double widest = 0;
  for (double t : scale.ticks) widest = std::max(widest, canvas.measure(tick_label(t, scale, format, scale_power)));
  return widest;
}

void vertical_axis(Canvas& canvas, const Scale& scale, const doc::NumberFormat& format, int scale_power, double left,
                   double right, double top, double bottom) {
  for (double t : scale.ticks) {
    double y = scale.at(t, bottom, top);
    bool zero = t == 0;
    grid_line(canvas, left, y, right, y, zero);
    canvas.text_if_free(tick_label(t, scale, format, scale_power), left - 4, y + canvas.size_pt() * 0.33,
                        Anchor::end, canvas.muted());
  }
}

}  // namespace dizgi::layout::chart
