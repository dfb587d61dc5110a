// The floor as a process of its own, for whole-process measurements (commands.sh): runs the
// libyaml event loop of LibYAMLFloor over a catalogue folder (every *.yaml and *.yml file in
// it, hidden entries skipped, as the loader walks it) and builds nothing.
//
//   LibYAMLFloorRun CATALOGUE-FOLDER
//
// Prints the number of events on the standard output; exit 0, or 1 with a message when a
// file cannot be read or is not well-formed YAML, 64 on a usage error.
#include <stdio.h>

#include "LibYAMLFloor.h"

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: LibYAMLFloorRun CATALOGUE-FOLDER\n");
        return 64;
    }
    long events = libyaml_floor_parse_directory(argv[1]);
    if (events < 0) {
        fprintf(stderr, "error: %s: a file could not be read or parsed\n", argv[1]);
        return 1;
    }
    printf("%ld events\n", events);
    return 0;
}
