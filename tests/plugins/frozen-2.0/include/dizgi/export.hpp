// dizgi/export.hpp — symbol visibility for libdizgi (qpdf DLL.h style).
// DIZGI_API marks exported functions, DIZGI_API_CLASS exported polymorphic/exception types.
// Since: 0.1
#pragma once

#if defined(DIZGI_BUILDING_SDK)
#define DIZGI_API __attribute__((visibility("default")))
#else
#define DIZGI_API __attribute__((visibility("default")))
#endif
#define DIZGI_API_CLASS __attribute__((visibility("default")))
