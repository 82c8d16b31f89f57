#include <candour/candour.hpp>
#include <iostream>

int main() {
    const auto rules = candour::rulebook::load_bundled();
    const auto c = candour::load_case("examples/mopac-it-systems/case.yaml", &rules);
    const auto decision = candour::evaluate(rules, c);
    std::cout << candour::render(decision, candour::output_format::notice);
}
