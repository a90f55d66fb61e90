// `dizgi template show [FILE]` prints a template as XML a designer can copy and edit (the
// built-in one without FILE); `dizgi template check FILE` validates one.
#include "cli/command.hpp"
#include "layout/template.hpp"

#include <iostream>

namespace dizgi::cli {
namespace {

int run_template(const std::vector<std::string>& args) {
  if (args.empty()) return usage_error("template: say 'show' or 'check'");
  const std::string& action = args[0];
  if (action != "show" && action != "check") return usage_error("template: unknown action '" + action + "'");
  for (std::size_t i = 1; i < args.size(); ++i) {
    if (args[i].rfind("--", 0) == 0) return usage_error("template: unknown option '" + args[i] + "'");
  }
  if (args.size() > 2) return usage_error("template: give at most one template file");
  if (action == "check") {
    if (args.size() != 2) return usage_error("template check: give the template file");
    layout::load_template(args[1]);
    std::cout << args[1] << ": ok\n";
    return exit_ok;
  }
  std::cout << layout::template_xml(args.size() == 2 ? layout::load_template(args[1]) : layout::default_template());
  return exit_ok;
}

}  // namespace

DIZGI_COMMAND("template", "print the built-in template as XML, or check a template",
              "usage: dizgi template show [TEMPLATE.xml]\n"
              "       dizgi template check TEMPLATE.xml\n\n"
              "show   prints a template as XML with every element, attribute and style written\n"
              "       out: without a file, the built-in defaults (copy it, keep what you change);\n"
              "       with a file, that template with its based-on styles resolved.\n"
              "check  reads a template and reports its first mistake at file:line:col.\n\n"
              "See docs/templates.md.\n",
              run_template);

}  // namespace dizgi::cli
