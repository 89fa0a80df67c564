#ifndef CEPOLL_SHIM_H
#define CEPOLL_SHIM_H

// Linux's readiness API and its wake-up descriptor, which the Glibc module leaves out.
#include <sys/epoll.h>
#include <sys/eventfd.h>

#endif
