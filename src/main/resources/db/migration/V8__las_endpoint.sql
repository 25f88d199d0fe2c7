-- Where a LAS administration takes its pushed results (POST {base_url}/leerlingresultaat), by the routeringskenmerk
-- it sent as edu-from with its participant list. Set through the back office; with mandate.register=osr the OSR
-- endpoint API is asked for routeringskenmerken that have no row here.
CREATE TABLE las_endpoint (
    routing_id  VARCHAR(64)              NOT NULL,
    base_url    VARCHAR(2048)            NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_las_endpoint PRIMARY KEY (routing_id)
);
