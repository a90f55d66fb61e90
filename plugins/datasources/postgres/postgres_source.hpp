// The PostgreSQL data source: reads the tables of the standard schema from a database with
// libpq. The connection comes from the libpq environment (PGHOST, PGPORT, PGDATABASE, PGUSER,
// PGPASSFILE, PGSERVICE) or from the service=, host=, port=, dbname=, user= parameters;
// passwords are never accepted in book.xml (use ~/.pgpass or a service file). Every query is
// parameterised (PQexecParams / PQsendQueryParams); identifiers are quoted by libpq. Rows are
// fetched in single-row mode, so memory does not grow with the table beyond the dataset itself.
#pragma once

#include "mapping.hpp"

#include <dizgi/sdk/datasource.hpp>

#include <functional>
#include <string>

namespace dizgi::postgres {

// Refuses parameters that carry a password (password=, passfile contents, or a conninfo string
// with password=). Throws Error(ErrorCode::project) at `at`.
void refuse_passwords(const data::Params& params, const Location& at);

using TableOpened = std::function<data::RowSink&(const data::SchemaTable& table)>;

// Connects and reads each table of `schema` named in tables= (default: every schema table the
// database has) into the sinks `opened` returns. `sink` (may be null) hears about skipped tables.
std::size_t read(const data::Schema& schema, const data::Params& params, const Location& origin,
                 DiagnosticSink* sink, const TableOpened& opened);

void load(const DataSourceContext& context, Dataset& dataset);

class Source : public DataSource {
 public:
  void load(const DataSourceContext& context, Dataset& dataset) override {
    postgres::load(context, dataset);
  }
};

}  // namespace dizgi::postgres
