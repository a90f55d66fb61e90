// Images: a picture placed at its width (its aspect kept, at most 80 % of the text height), a
// framed placeholder with a warning when it cannot be read, and a designer's placeholder (the
// props "placeholder" and "height") where a picture is still to come.
#include "layout/flow.hpp"

#include "image/image.hpp"
#include "layout/text_util.hpp"

namespace dizgi::layout {

void Flow::add(const doc::Image& image) {
  std::filesystem::path path = options_.base_dir / image.path;
  double w = width_;
  try {
    if (!image.width.empty() && image.width.back() == '%') w = width_ * std::stod(image.width) / 100;
    else if (!image.width.empty()) w = parse_length_pt(image.width);
  } catch (const std::exception&) {
  }
  Element e;
  if (auto label = image.props.find("placeholder"); label != image.props.end()) {
    // A designer's placeholder: the box of a picture still to come, neither content nor a
    // figure (an artifact for tagging); the layout that asks for it says why.
    double h = mm_to_pt(30);
    try {
      if (auto given = image.props.find("height"); given != image.props.end()) h = parse_length_pt(given->second);
    } catch (const std::exception&) {
    }
    e.role = StructRole::artifact;
    e.height = h;
    frame_placeholder(e, w, h, label->second);
  } else {
    image::Info info = image::probe(path);
    double px_w = info.width_px, px_h = info.height_px;
    bool too_large = false;
    if (!info.fits_cairo()) {
      sink_.warn("layout.image-too-large", Location{path.string()},
                 "image is " + std::to_string(static_cast<long long>(px_w)) + "x" +
                     std::to_string(static_cast<long long>(px_h)) +
                     " pixels, more than 32767 on a side; a placeholder is set in its place",
                 "scale the picture down (300 dpi at its printed size is enough)");
      px_w = px_h = 0;
      too_large = true;
    }
    e.role = StructRole::figure;
    e.alt_text = image.alt_text.empty() ? image.caption : image.alt_text;
    if (px_w <= 0 || px_h <= 0) {
      if (!too_large) sink_.warn("layout.missing-image", Location{path.string()},
                 "image cannot be read; a placeholder is set in its place",
                 "check the path (relative to the book file) and that it is a PNG, JPEG or SVG");
      e.height = mm_to_pt(30);
      frame_placeholder(e, w, e.height, "[görsel yok: " + image.path + "]");
    } else {
      double h = w * px_h / px_w;
      if (h > height_ * 0.8) {
        h = height_ * 0.8;
        w = h * px_w / px_h;
      }
      e.height = h + 6;
      Picture picture{0, 0, w, h, path.string(), info.format == image::Format::svg ? 0 : px_w / (w / 72.0)};
      e.pictures.push_back(picture);
    }
  }
  auto caption = scan_.captions.find(&image);
  if (caption != scan_.captions.end()) {
    e.anchors.push_back(scan_.ids.at(&image));
    e.keep_with_next = true;
    push(std::move(e));
    const Style& style = template_.style("caption");
    auto lines = setter_.set(spans_of(caption->second), setting_for(style, width_));
    push_lines(std::move(lines), style, false, StructRole::caption);
  } else {
    push(std::move(e));
  }
}

}  // namespace dizgi::layout
