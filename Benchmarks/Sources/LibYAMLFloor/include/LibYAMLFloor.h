#ifndef LIBYAML_FLOOR_H
#define LIBYAML_FLOOR_H

// The libyaml floor: the least work any libyaml-based loader must do to read a catalogue.
// Each function reads a file whole into memory, then runs the bare event loop
// (yaml_parser_parse + yaml_event_delete until YAML_STREAM_END_EVENT) and builds nothing.

#ifdef __cplusplus
extern "C" {
#endif

/// Parses one YAML file (all its documents). Returns the number of events, or -1 when the
/// file cannot be read or is not well-formed YAML.
long libyaml_floor_parse_file(const char *path);

/// Walks `path` recursively (hidden files and folders skipped, as the loader does) and parses
/// every `*.yaml` and `*.yml` file in it. Returns the total number of events, or -1 on the
/// first file that cannot be read or parsed.
long libyaml_floor_parse_directory(const char *path);

#ifdef __cplusplus
}
#endif

#endif
