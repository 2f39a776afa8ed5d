// parse_golden_tool FILE.regles: prints the AST with spans, or the formatted diagnostics.
#include <fstream>
#include <iostream>
#include <sstream>

#include "golden.hpp"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage : parse_golden_tool fichier.regles\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) {
    std::cerr << "fichier illisible : " << argv[1] << "\n";
    return 2;
  }
  std::ostringstream text;
  text << in.rdbuf();
  std::cout << subsidia::parse::testing::golden_output(argv[1], text.str());
  return 0;
}
