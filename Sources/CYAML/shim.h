#ifndef CYAML_SHIM_H
#define CYAML_SHIM_H
// The system libyaml (Debian: libyaml-dev, pkg-config: yaml-0.1).
#include <yaml.h>
#if defined(__GLIBC__)
// mallopt and M_ARENA_MAX, for the reading thread's allocations (YAMLReader's MallocArena.swift).
#include <malloc.h>
#endif
#endif
