/**
 * Parquet's value layer, written for our flat rows of optional columns: per-column encoders that
 * turn values into V1 data pages and dictionary pages (RLE / bit-packing hybrid levels and ids,
 * plain values, page statistics) and hand them to parquet-java's page store, which compresses,
 * encrypts and indexes them as before. Internal to the Parquet sink: public only so the sink's
 * package can use it.
 */
package io.crewexport.sink.parquet.encoding;
