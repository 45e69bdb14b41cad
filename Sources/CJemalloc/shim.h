// jemalloc from Debian's libjemalloc-dev: built without a symbol prefix, so linking it into the executable
// replaces malloc and free for the whole process (see Sources/updesk/Allocator.swift).
#include <jemalloc/jemalloc.h>
