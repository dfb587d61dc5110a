// The libyaml floor: read a file whole, run the bare libyaml event loop, build nothing.
#define _DEFAULT_SOURCE
#include "LibYAMLFloor.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <yaml.h>

// Reads the whole file into a malloc'd buffer. Returns NULL on failure.
static unsigned char *read_whole_file(const char *path, size_t *length) {
    FILE *file = fopen(path, "rb");
    if (file == NULL) return NULL;
    if (fseek(file, 0, SEEK_END) != 0) { fclose(file); return NULL; }
    long size = ftell(file);
    if (size < 0 || fseek(file, 0, SEEK_SET) != 0) { fclose(file); return NULL; }
    unsigned char *buffer = malloc(size > 0 ? (size_t)size : 1);
    if (buffer == NULL) { fclose(file); return NULL; }
    size_t read = size > 0 ? fread(buffer, 1, (size_t)size, file) : 0;
    fclose(file);
    if (read != (size_t)size) { free(buffer); return NULL; }
    *length = read;
    return buffer;
}

// The event loop over an in-memory buffer. Returns the event count or -1.
static long parse_buffer(const unsigned char *input, size_t length) {
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser)) return -1;
    yaml_parser_set_input_string(&parser, input, length);
    long events = 0;
    for (;;) {
        yaml_event_t event;
        if (!yaml_parser_parse(&parser, &event)) { events = -1; break; }
        events += 1;
        int done = event.type == YAML_STREAM_END_EVENT;
        yaml_event_delete(&event);
        if (done) break;
    }
    yaml_parser_delete(&parser);
    return events;
}

long libyaml_floor_parse_file(const char *path) {
    size_t length = 0;
    unsigned char *buffer = read_whole_file(path, &length);
    if (buffer == NULL) return -1;
    long events = parse_buffer(buffer, length);
    free(buffer);
    return events;
}

static int has_yaml_extension(const char *name) {
    size_t n = strlen(name);
    return (n > 5 && strcmp(name + n - 5, ".yaml") == 0) || (n > 4 && strcmp(name + n - 4, ".yml") == 0);
}

long libyaml_floor_parse_directory(const char *path) {
    DIR *dir = opendir(path);
    if (dir == NULL) return -1;
    long total = 0;
    size_t base = strlen(path);
    struct dirent *entry;
    while ((entry = readdir(dir)) != NULL) {
        const char *name = entry->d_name;
        if (name[0] == '.') continue;  // ".", "..", and hidden entries, as the loader skips them
        size_t child_length = base + 1 + strlen(name) + 1;
        char *child = malloc(child_length);
        if (child == NULL) { total = -1; break; }
        snprintf(child, child_length, "%s/%s", path, name);
        int is_dir = 0, is_file = 0;
        if (entry->d_type == DT_DIR) {
            is_dir = 1;
        } else if (entry->d_type == DT_REG) {
            is_file = 1;
        } else {  // DT_UNKNOWN or a symbolic link: ask stat (follows links)
            struct stat info;
            if (stat(child, &info) == 0) {
                is_dir = S_ISDIR(info.st_mode);
                is_file = S_ISREG(info.st_mode);
            }
        }
        long events = 0;
        if (is_dir) {
            events = libyaml_floor_parse_directory(child);
        } else if (is_file && has_yaml_extension(name)) {
            events = libyaml_floor_parse_file(child);
        }
        free(child);
        if (events < 0) { total = -1; break; }
        total += events;
    }
    closedir(dir);
    return total;
}
