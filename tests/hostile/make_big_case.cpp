// Writes a hostile case file of SIZE bytes to PATH: a valid case whose request wording is one
// long block of text. Generated at test time into the build folder, never committed.
//   make_big_case PATH SIZE

#include <cstdio>
#include <cstdlib>
#include <string>

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: make_big_case PATH SIZE\n");
        return 2;
    }
    const unsigned long long size = std::strtoull(argv[2], nullptr, 10);
    std::FILE* f = std::fopen(argv[1], "wb");
    if (!f) {
        std::perror(argv[1]);
        return 1;
    }
    const std::string head = "case:\n  id: big\n  regime: uk-foia-2000\n  items: [{id: R01, description: d}]\n"
                             "  request:\n    received: 2018-03-22\n    wording: >-\n";
    std::fputs(head.c_str(), f);
    unsigned long long written = head.size();
    std::string line = "      " + std::string(93, 'x') + "\n";  // 100 bytes a line
    while (written + line.size() <= size) {
        std::fwrite(line.data(), 1, line.size(), f);
        written += line.size();
    }
    // The rest, shorter than a line: a comment line.
    for (unsigned long long k = 0; written < size; ++k, ++written) std::fputc(written + 1 == size ? '\n' : k == 0 ? '#' : 'x', f);
    return std::fclose(f) == 0 ? 0 : 1;
}
