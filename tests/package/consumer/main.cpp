// A consumer of the installed package: load the installed rules, evaluate a case, print a notice.
#include <candour/candour.hpp>

#include <iostream>

int main(int argc, char** argv) {
    if (argc != 2) return 2;
    try {
        const auto rules = candour::rulebook::load_bundled();
        const auto decision = candour::evaluate(rules, candour::load_case(argv[1], &rules));
        std::cout << "outcome: " << candour::to_string(decision.outcome) << '\n'
                  << candour::render(decision, candour::output_format::notice);
        return 0;
    } catch (const candour::error& e) {
        std::cerr << e.what() << '\n';
        return 1;
    }
}
