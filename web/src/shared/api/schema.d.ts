// Generated from the server's OpenAPI document by `npm run gen:api`; do not edit.
export interface paths {
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The process is up */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "ok";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The database answers and its schema is current */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "ready";
                            database: string;
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "not_ready";
                            reason: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prometheus metrics */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Log in with a username, e-mail address or mobile number; sets an httpOnly, SameSite=Strict session cookie */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description A username, or the e-mail address or mobile number the account was signed up with */
                        username: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                id: string;
                                username: string;
                                display_name: string;
                                roles: ("member" | "reviewer" | "investigator" | "juror" | "operator" | "auditor" | "admin")[];
                                created_at: string;
                                disabled: boolean;
                            };
                            expires_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End the session */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The logged-in user */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                id: string;
                                username: string;
                                display_name: string;
                                roles: ("member" | "reviewer" | "investigator" | "juror" | "operator" | "auditor" | "admin")[];
                                created_at: string;
                                disabled: boolean;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change the logged-in user’s password */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        current_password: string;
                        new_password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Users by id, paged, optionally those whose username contains a search text (admin; pass next_after as after) */
        get: {
            parameters: {
                query?: {
                    search?: string;
                    /** @description The last id of the previous page */
                    after?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            users: {
                                id: string;
                                username: string;
                                display_name: string;
                                roles: ("member" | "reviewer" | "investigator" | "juror" | "operator" | "auditor" | "admin")[];
                                created_at: string;
                                disabled: boolean;
                            }[];
                            next_after: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a user with roles (admin) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        username: string;
                        display_name: string;
                        password: string;
                        roles: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                id: string;
                                username: string;
                                display_name: string;
                                roles: ("member" | "reviewer" | "investigator" | "juror" | "operator" | "auditor" | "admin")[];
                                created_at: string;
                                disabled: boolean;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}/roles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Replace a user’s roles (admin; an admin cannot take the admin role from themselves: USER_SELF_PROTECTED) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        roles: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                id: string;
                                username: string;
                                display_name: string;
                                roles: ("member" | "reviewer" | "investigator" | "juror" | "operator" | "auditor" | "admin")[];
                                created_at: string;
                                disabled: boolean;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Disable a user: their sessions end now and they cannot log in (admin; not yourself: USER_SELF_PROTECTED) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                id: string;
                                username: string;
                                display_name: string;
                                roles: ("member" | "reviewer" | "investigator" | "juror" | "operator" | "auditor" | "admin")[];
                                created_at: string;
                                disabled: boolean;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}/enable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Enable a disabled user again: they can log in with their password (admin) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                id: string;
                                username: string;
                                display_name: string;
                                roles: ("member" | "reviewer" | "investigator" | "juror" | "operator" | "auditor" | "admin")[];
                                created_at: string;
                                disabled: boolean;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/signup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign up with an e-mail address or mobile number; a one-time code is sent to it (202, the same answer for a contact that has an account) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description An e-mail address, or a mainland China mobile number (11 digits starting with 1) */
                        contact: string;
                        display_name: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description The same answer whether or not an account has the contact */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            channel: "email" | "sms";
                            contact_masked: string;
                            expires_in_seconds: number;
                            resend_after_seconds: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/signup/resend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a new sign-up code (the previous one stops working); once a minute, five codes an hour per contact */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description An e-mail address, or a mainland China mobile number (11 digits starting with 1) */
                        contact: string;
                    };
                };
            };
            responses: {
                /** @description The same answer whether or not an account has the contact */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            channel: "email" | "sms";
                            contact_masked: string;
                            expires_in_seconds: number;
                            resend_after_seconds: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/signup/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm a sign-up with its code: creates the account (a member) and logs in, as POST /api/auth/login does */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description An e-mail address, or a mainland China mobile number (11 digits starting with 1) */
                        contact: string;
                        /** @description The six-digit one-time code */
                        code: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                id: string;
                                username: string;
                                display_name: string;
                                roles: ("member" | "reviewer" | "investigator" | "juror" | "operator" | "auditor" | "admin")[];
                                created_at: string;
                                disabled: boolean;
                            };
                            expires_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/password-reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ask for a password reset code to an e-mail address or mobile number (202 whether or not an account has it) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description An e-mail address, or a mainland China mobile number (11 digits starting with 1) */
                        contact: string;
                    };
                };
            };
            responses: {
                /** @description The same answer whether or not an account has the contact */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            channel: "email" | "sms";
                            contact_masked: string;
                            expires_in_seconds: number;
                            resend_after_seconds: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/password-reset/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set a new password with the reset code; ends every other session of the account */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description An e-mail address, or a mainland China mobile number (11 digits starting with 1) */
                        contact: string;
                        /** @description The six-digit one-time code */
                        code: string;
                        new_password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/contacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your confirmed e-mail addresses and mobile numbers, masked */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            contacts: {
                                /** @enum {string} */
                                kind: "email" | "phone";
                                masked: string;
                                confirmed_at: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dev/mailbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Outside production only (404 in production): the latest one-time code messages of the outbox, for reading a code without a mail server */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            messages: {
                                id: string;
                                /** @enum {string} */
                                channel: "email" | "sms";
                                /** @description The masked address or number */
                                to: string;
                                subject_zh: string;
                                subject_en: string;
                                body_zh: string;
                                body_en: string;
                                created_at: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ledger/accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Accounts by code, paged */
        get: {
            parameters: {
                query?: {
                    prefix?: string;
                    after?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            accounts: {
                                code: string;
                                name: string;
                                /** @enum {string} */
                                type: "asset" | "liability" | "income" | "expense" | "equity";
                                currency: string;
                                /** @enum {string} */
                                guard: "none" | "non_negative";
                                /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                balance_minor: string;
                                created_at: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Open an operator account by hand: the code starts with operator: (an identical definition returns the existing account) (operator) */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description Your unique key for this request, 1–200 printable ASCII characters without spaces (a UUID is good). Sending the same request again with it returns the first answer (with `Idempotent-Replayed: true`) instead of moving money twice; the same key with another request is refused with 409 IDEMPOTENCY_KEY_REUSED. Keys are kept 48 hours. */
                    "idempotency-key": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code: string;
                        name: string;
                        /** @enum {string} */
                        type: "asset" | "liability" | "income" | "expense" | "equity";
                        currency: string;
                        /**
                         * @default none
                         * @enum {string}
                         */
                        guard?: "none" | "non_negative";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            account: {
                                code: string;
                                name: string;
                                /** @enum {string} */
                                type: "asset" | "liability" | "income" | "expense" | "equity";
                                currency: string;
                                /** @enum {string} */
                                guard: "none" | "non_negative";
                                /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                balance_minor: string;
                                created_at: string;
                            };
                            /** @description true when this answers a replay of the Idempotency-Key */
                            replayed: boolean;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ledger/accounts/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One account and its balance */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            account: {
                                code: string;
                                name: string;
                                /** @enum {string} */
                                type: "asset" | "liability" | "income" | "expense" | "equity";
                                currency: string;
                                /** @enum {string} */
                                guard: "none" | "non_negative";
                                /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                balance_minor: string;
                                created_at: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ledger/transactions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Transactions with their legs, newest first, paged (pass next_before as before); filtered by account, kind (the flow) and posting time (operator, auditor) */
        get: {
            parameters: {
                query?: {
                    /** @description only transactions with a leg on this account code */
                    account?: string;
                    /** @description only transactions of this kind: the flow that posted them */
                    kind?: string;
                    /** @description posted at or after this instant */
                    posted_from?: string;
                    /** @description posted before this instant */
                    posted_before?: string;
                    /** @description the previous page's next_before: only transactions older than it */
                    before?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            transactions: {
                                id: string;
                                idempotency_key: string;
                                kind: string;
                                description: string;
                                currency: string;
                                metadata: {
                                    [key: string]: string;
                                };
                                reverses_id: string | null;
                                posted_at: string;
                                hash: string;
                                legs: {
                                    account_code: string;
                                    /** @enum {string} */
                                    side: "debit" | "credit";
                                    /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                    amount_minor: string;
                                }[];
                            }[];
                            next_before: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Ask for a manual posting between the operator's own accounts (operator:… and operator_equity:…); nothing is posted until another operator approves it (operator) */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description Your unique key for this request, 1–200 printable ASCII characters without spaces (a UUID is good). Sending the same request again with it returns the first answer (with `Idempotent-Replayed: true`) instead of moving money twice; the same key with another request is refused with 409 IDEMPOTENCY_KEY_REUSED. Keys are kept 48 hours. */
                    "idempotency-key": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default  */
                        description?: string;
                        currency: string;
                        legs: {
                            account_code: string;
                            /** @enum {string} */
                            side: "debit" | "credit";
                            /** @description A positive integer number of minor units as a string of digits, at most 1000000000000000 (10^15) */
                            amount_minor: string;
                        }[];
                        metadata?: {
                            [key: string]: string;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            manual_posting: {
                                id: string;
                                /** @enum {string} */
                                kind: "transfer" | "reversal";
                                /** @enum {string} */
                                status: "pending" | "approved" | "rejected";
                                idempotency_key: string;
                                request: {
                                    description: string;
                                    currency: string;
                                    metadata: {
                                        [key: string]: string;
                                    };
                                    legs: {
                                        account_code: string;
                                        /** @enum {string} */
                                        side: "debit" | "credit";
                                        /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                        amount_minor: string;
                                    }[];
                                };
                                reverses_id: string | null;
                                requested_by: {
                                    user_id: string;
                                    username: string;
                                };
                                requested_at: string;
                                decided_by: {
                                    user_id: string;
                                    username: string;
                                } | null;
                                decided_at: string | null;
                                decision_reason: string | null;
                                transaction_id: string | null;
                            };
                            /** @description true when this answers a replay of the Idempotency-Key */
                            replayed: boolean;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ledger/transactions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One transaction with its legs */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            transaction: {
                                id: string;
                                idempotency_key: string;
                                kind: string;
                                description: string;
                                currency: string;
                                metadata: {
                                    [key: string]: string;
                                };
                                reverses_id: string | null;
                                posted_at: string;
                                hash: string;
                                legs: {
                                    account_code: string;
                                    /** @enum {string} */
                                    side: "debit" | "credit";
                                    /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                    amount_minor: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ledger/transactions/{id}/reversal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ask for the reversal of a manual posting (never of a flow's posting); posted once another operator approves it (operator) */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description Your unique key for this request, 1–200 printable ASCII characters without spaces (a UUID is good). Sending the same request again with it returns the first answer (with `Idempotent-Replayed: true`) instead of moving money twice; the same key with another request is refused with 409 IDEMPOTENCY_KEY_REUSED. Keys are kept 48 hours. */
                    "idempotency-key": string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        description?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            manual_posting: {
                                id: string;
                                /** @enum {string} */
                                kind: "transfer" | "reversal";
                                /** @enum {string} */
                                status: "pending" | "approved" | "rejected";
                                idempotency_key: string;
                                request: {
                                    description: string;
                                    currency: string;
                                    metadata: {
                                        [key: string]: string;
                                    };
                                    legs: {
                                        account_code: string;
                                        /** @enum {string} */
                                        side: "debit" | "credit";
                                        /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                        amount_minor: string;
                                    }[];
                                };
                                reverses_id: string | null;
                                requested_by: {
                                    user_id: string;
                                    username: string;
                                };
                                requested_at: string;
                                decided_by: {
                                    user_id: string;
                                    username: string;
                                } | null;
                                decided_at: string | null;
                                decision_reason: string | null;
                                transaction_id: string | null;
                            };
                            /** @description true when this answers a replay of the Idempotency-Key */
                            replayed: boolean;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ledger/manual-postings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Manual postings by id, paged: pass next_after as after (operator, auditor) */
        get: {
            parameters: {
                query?: {
                    status?: "pending" | "approved" | "rejected";
                    after?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            manual_postings: {
                                id: string;
                                /** @enum {string} */
                                kind: "transfer" | "reversal";
                                /** @enum {string} */
                                status: "pending" | "approved" | "rejected";
                                idempotency_key: string;
                                request: {
                                    description: string;
                                    currency: string;
                                    metadata: {
                                        [key: string]: string;
                                    };
                                    legs: {
                                        account_code: string;
                                        /** @enum {string} */
                                        side: "debit" | "credit";
                                        /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                        amount_minor: string;
                                    }[];
                                };
                                reverses_id: string | null;
                                requested_by: {
                                    user_id: string;
                                    username: string;
                                };
                                requested_at: string;
                                decided_by: {
                                    user_id: string;
                                    username: string;
                                } | null;
                                decided_at: string | null;
                                decision_reason: string | null;
                                transaction_id: string | null;
                            }[];
                            next_after: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ledger/manual-postings/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One manual posting and its audit trail: who asked, who decided, when and why (operator, auditor) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            manual_posting: {
                                id: string;
                                /** @enum {string} */
                                kind: "transfer" | "reversal";
                                /** @enum {string} */
                                status: "pending" | "approved" | "rejected";
                                idempotency_key: string;
                                request: {
                                    description: string;
                                    currency: string;
                                    metadata: {
                                        [key: string]: string;
                                    };
                                    legs: {
                                        account_code: string;
                                        /** @enum {string} */
                                        side: "debit" | "credit";
                                        /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                        amount_minor: string;
                                    }[];
                                };
                                reverses_id: string | null;
                                requested_by: {
                                    user_id: string;
                                    username: string;
                                };
                                requested_at: string;
                                decided_by: {
                                    user_id: string;
                                    username: string;
                                } | null;
                                decided_at: string | null;
                                decision_reason: string | null;
                                transaction_id: string | null;
                            };
                            events: {
                                id: string;
                                /** @enum {string} */
                                action: "manual_posting_requested" | "manual_posting_approved" | "manual_posting_rejected" | "account_opened";
                                actor: {
                                    user_id: string;
                                    username: string;
                                };
                                at: string;
                                reason: string | null;
                                manual_posting_id: string | null;
                                account_code: string | null;
                                transaction_id: string | null;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ledger/manual-postings/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve a pending manual posting and post it (an operator other than its maker); every check runs again, and if one fails the posting stays pending (operator) */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description Your unique key for this request, 1–200 printable ASCII characters without spaces (a UUID is good). Sending the same request again with it returns the first answer (with `Idempotent-Replayed: true`) instead of moving money twice; the same key with another request is refused with 409 IDEMPOTENCY_KEY_REUSED. Keys are kept 48 hours. */
                    "idempotency-key": string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            manual_posting: {
                                id: string;
                                /** @enum {string} */
                                kind: "transfer" | "reversal";
                                /** @enum {string} */
                                status: "pending" | "approved" | "rejected";
                                idempotency_key: string;
                                request: {
                                    description: string;
                                    currency: string;
                                    metadata: {
                                        [key: string]: string;
                                    };
                                    legs: {
                                        account_code: string;
                                        /** @enum {string} */
                                        side: "debit" | "credit";
                                        /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                        amount_minor: string;
                                    }[];
                                };
                                reverses_id: string | null;
                                requested_by: {
                                    user_id: string;
                                    username: string;
                                };
                                requested_at: string;
                                decided_by: {
                                    user_id: string;
                                    username: string;
                                } | null;
                                decided_at: string | null;
                                decision_reason: string | null;
                                transaction_id: string | null;
                            };
                            transaction: {
                                id: string;
                                idempotency_key: string;
                                kind: string;
                                description: string;
                                currency: string;
                                metadata: {
                                    [key: string]: string;
                                };
                                reverses_id: string | null;
                                posted_at: string;
                                hash: string;
                                legs: {
                                    account_code: string;
                                    /** @enum {string} */
                                    side: "debit" | "credit";
                                    /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                    amount_minor: string;
                                }[];
                            };
                            /** @description true when this answers a replay of the Idempotency-Key */
                            replayed: boolean;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ledger/manual-postings/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reject a pending manual posting with a reason; nothing is posted (any operator, its maker too: that withdraws it) (operator) */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description Your unique key for this request, 1–200 printable ASCII characters without spaces (a UUID is good). Sending the same request again with it returns the first answer (with `Idempotent-Replayed: true`) instead of moving money twice; the same key with another request is refused with 409 IDEMPOTENCY_KEY_REUSED. Keys are kept 48 hours. */
                    "idempotency-key": string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            manual_posting: {
                                id: string;
                                /** @enum {string} */
                                kind: "transfer" | "reversal";
                                /** @enum {string} */
                                status: "pending" | "approved" | "rejected";
                                idempotency_key: string;
                                request: {
                                    description: string;
                                    currency: string;
                                    metadata: {
                                        [key: string]: string;
                                    };
                                    legs: {
                                        account_code: string;
                                        /** @enum {string} */
                                        side: "debit" | "credit";
                                        /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                        amount_minor: string;
                                    }[];
                                };
                                reverses_id: string | null;
                                requested_by: {
                                    user_id: string;
                                    username: string;
                                };
                                requested_at: string;
                                decided_by: {
                                    user_id: string;
                                    username: string;
                                } | null;
                                decided_at: string | null;
                                decision_reason: string | null;
                                transaction_id: string | null;
                            };
                            /** @description true when this answers a replay of the Idempotency-Key */
                            replayed: boolean;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ledger/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The ledger's audit trail, oldest first, paged: every manual posting asked for, approved or rejected and every account opened by hand (operator, auditor) */
        get: {
            parameters: {
                query?: {
                    after?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            events: {
                                id: string;
                                /** @enum {string} */
                                action: "manual_posting_requested" | "manual_posting_approved" | "manual_posting_rejected" | "account_opened";
                                actor: {
                                    user_id: string;
                                    username: string;
                                };
                                at: string;
                                reason: string | null;
                                manual_posting_id: string | null;
                                account_code: string | null;
                                transaction_id: string | null;
                            }[];
                            next_after: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ledger/accounts/{code}/transactions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One account's transactions newest first, each with what it changed and the balance right after it, paged (operator, auditor) */
        get: {
            parameters: {
                query?: {
                    /** @description the previous page's next_before: only transactions older than it */
                    before?: string;
                    limit?: number;
                };
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            account: {
                                code: string;
                                name: string;
                                /** @enum {string} */
                                type: "asset" | "liability" | "income" | "expense" | "equity";
                                currency: string;
                                /** @enum {string} */
                                guard: "none" | "non_negative";
                                /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                balance_minor: string;
                                created_at: string;
                            };
                            entries: {
                                transaction: {
                                    id: string;
                                    idempotency_key: string;
                                    kind: string;
                                    description: string;
                                    currency: string;
                                    metadata: {
                                        [key: string]: string;
                                    };
                                    reverses_id: string | null;
                                    posted_at: string;
                                    hash: string;
                                    legs: {
                                        account_code: string;
                                        /** @enum {string} */
                                        side: "debit" | "credit";
                                        /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                        amount_minor: string;
                                    }[];
                                };
                                /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                change_minor: string;
                                /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                balance_after_minor: string;
                            }[];
                            next_before: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ledger/custody": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Custody against the prepaid wallets per currency: custody + prepaid receivables = wallets + prepaid payables + wallet refunds in transit; the difference is 0 when they agree (operator, auditor) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            currencies: {
                                currency: string;
                                custody_account_code: string;
                                /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                custody_minor: string;
                                /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                wallets_minor: string;
                                wallet_count: number;
                                /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                prepaid_receivable_minor: string;
                                /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                prepaid_payables_minor: string;
                                /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                wallet_refunds_in_transit_minor: string;
                                /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                difference_minor: string;
                                ok: boolean;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ledger/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Recompute the journal hash chain and every balance (operator, auditor) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ok: boolean;
                            transactions: number;
                            postings: number;
                            accounts: number;
                            head_seq: string;
                            head_hash: string;
                            problems: {
                                code: string;
                                message: string;
                                transaction_id?: string;
                                account_code?: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/plans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every plan with the rules in force now and its covered illnesses (public) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            plans: {
                                id: string;
                                name_zh: string;
                                name_en: string;
                                currency: string;
                                /** @enum {string} */
                                status: "open" | "closed";
                                created_at: string;
                                current_version: {
                                    version: number;
                                    effective_at: string;
                                    note: string;
                                    created_at: string;
                                    rules: {
                                        currency: string;
                                        join_age: {
                                            min_days: number;
                                            min_years: number;
                                            max_years: number;
                                        };
                                        aid_bands: {
                                            max_age_years: number;
                                            aid_minor: string;
                                        }[];
                                        illnesses: {
                                            code: string;
                                            name_zh: string;
                                            name_en: string;
                                        }[];
                                        health_questions: {
                                            code: string;
                                            text_zh: string;
                                            text_en: string;
                                        }[];
                                        waiting_days: number;
                                        fee_bps: number;
                                        caps: {
                                            per_case_minor: string | null;
                                            per_year_minor: string | null;
                                            /** @enum {string} */
                                            policy: "backstop" | "reduce_aid";
                                        };
                                        schedule: {
                                            notice_days_of_month: number[];
                                            collection_days_of_month: number[];
                                        };
                                        funding: {
                                            /** @enum {string} */
                                            model: "post_paid";
                                            retry_until_days_before_next: number;
                                        } | {
                                            /** @enum {string} */
                                            model: "prepaid";
                                            min_top_up_minor: string;
                                            /**
                                             * @description The largest single top-up, in minor units (at most 10^15; default 200000)
                                             * @default 200000
                                             */
                                            max_top_up_minor: string;
                                            /**
                                             * @description The most a wallet may hold with its pending top-ups, in minor units (at most 10^15; default 500000)
                                             * @default 500000
                                             */
                                            max_wallet_balance_minor: string;
                                            low_balance_minor: string;
                                            grace_days: number;
                                        };
                                        claim_window_days: number;
                                        notice_days: number;
                                        jury: {
                                            quorum_votes: number;
                                            quorum_share_bps: number;
                                            majority_bps: number;
                                            /** @enum {string} */
                                            on_tie: "approve" | "reject";
                                            /** @enum {string} */
                                            on_missed_quorum: "approve" | "reject" | "operator_decides";
                                        };
                                        share_weights: {
                                            max_age_years: number;
                                            weight: number;
                                        }[] | null;
                                        max_aids_per_member: number;
                                        family_enrollment: boolean;
                                        sustainability?: {
                                            expected_incidence_per_1000: {
                                                age_years: number;
                                                per_1000: number;
                                            }[];
                                            operating_cost_per_year_minor: string;
                                            alerts: {
                                                yearly_share_rise_bps: number | null;
                                                incidence_over_expected_bps: number | null;
                                                members_drop_bps: number | null;
                                                adverse_selection_bps: number | null;
                                                fee_below_cost: boolean;
                                                members_at_cap_bps: number | null;
                                            };
                                        };
                                    };
                                };
                                next_version: {
                                    version: number;
                                    effective_at: string;
                                    note: string;
                                } | null;
                                illnesses: {
                                    code: string;
                                    name_zh: string;
                                    name_en: string;
                                }[];
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a plan; its version 1 applies from now (operator) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        id: string;
                        name_zh: string;
                        name_en: string;
                        /** @description The plan rules, shaped as `rules` in the response of GET /api/plans/{id}; money as strings of digits in minor units. Invalid rules are refused with PLAN_BAD_RULES and the issues in details. */
                        rules?: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            plan: {
                                id: string;
                                name_zh: string;
                                name_en: string;
                                currency: string;
                                /** @enum {string} */
                                status: "open" | "closed";
                                created_at: string;
                                current_version: {
                                    version: number;
                                    effective_at: string;
                                    note: string;
                                    created_at: string;
                                    rules: {
                                        currency: string;
                                        join_age: {
                                            min_days: number;
                                            min_years: number;
                                            max_years: number;
                                        };
                                        aid_bands: {
                                            max_age_years: number;
                                            aid_minor: string;
                                        }[];
                                        illnesses: {
                                            code: string;
                                            name_zh: string;
                                            name_en: string;
                                        }[];
                                        health_questions: {
                                            code: string;
                                            text_zh: string;
                                            text_en: string;
                                        }[];
                                        waiting_days: number;
                                        fee_bps: number;
                                        caps: {
                                            per_case_minor: string | null;
                                            per_year_minor: string | null;
                                            /** @enum {string} */
                                            policy: "backstop" | "reduce_aid";
                                        };
                                        schedule: {
                                            notice_days_of_month: number[];
                                            collection_days_of_month: number[];
                                        };
                                        funding: {
                                            /** @enum {string} */
                                            model: "post_paid";
                                            retry_until_days_before_next: number;
                                        } | {
                                            /** @enum {string} */
                                            model: "prepaid";
                                            min_top_up_minor: string;
                                            /**
                                             * @description The largest single top-up, in minor units (at most 10^15; default 200000)
                                             * @default 200000
                                             */
                                            max_top_up_minor: string;
                                            /**
                                             * @description The most a wallet may hold with its pending top-ups, in minor units (at most 10^15; default 500000)
                                             * @default 500000
                                             */
                                            max_wallet_balance_minor: string;
                                            low_balance_minor: string;
                                            grace_days: number;
                                        };
                                        claim_window_days: number;
                                        notice_days: number;
                                        jury: {
                                            quorum_votes: number;
                                            quorum_share_bps: number;
                                            majority_bps: number;
                                            /** @enum {string} */
                                            on_tie: "approve" | "reject";
                                            /** @enum {string} */
                                            on_missed_quorum: "approve" | "reject" | "operator_decides";
                                        };
                                        share_weights: {
                                            max_age_years: number;
                                            weight: number;
                                        }[] | null;
                                        max_aids_per_member: number;
                                        family_enrollment: boolean;
                                        sustainability?: {
                                            expected_incidence_per_1000: {
                                                age_years: number;
                                                per_1000: number;
                                            }[];
                                            operating_cost_per_year_minor: string;
                                            alerts: {
                                                yearly_share_rise_bps: number | null;
                                                incidence_over_expected_bps: number | null;
                                                members_drop_bps: number | null;
                                                adverse_selection_bps: number | null;
                                                fee_below_cost: boolean;
                                                members_at_cap_bps: number | null;
                                            };
                                        };
                                    };
                                };
                                next_version: {
                                    version: number;
                                    effective_at: string;
                                    note: string;
                                } | null;
                                illnesses: {
                                    code: string;
                                    name_zh: string;
                                    name_en: string;
                                }[];
                                versions: {
                                    version: number;
                                    effective_at: string;
                                    note: string;
                                    created_at: string;
                                    rules: {
                                        currency: string;
                                        join_age: {
                                            min_days: number;
                                            min_years: number;
                                            max_years: number;
                                        };
                                        aid_bands: {
                                            max_age_years: number;
                                            aid_minor: string;
                                        }[];
                                        illnesses: {
                                            code: string;
                                            name_zh: string;
                                            name_en: string;
                                        }[];
                                        health_questions: {
                                            code: string;
                                            text_zh: string;
                                            text_en: string;
                                        }[];
                                        waiting_days: number;
                                        fee_bps: number;
                                        caps: {
                                            per_case_minor: string | null;
                                            per_year_minor: string | null;
                                            /** @enum {string} */
                                            policy: "backstop" | "reduce_aid";
                                        };
                                        schedule: {
                                            notice_days_of_month: number[];
                                            collection_days_of_month: number[];
                                        };
                                        funding: {
                                            /** @enum {string} */
                                            model: "post_paid";
                                            retry_until_days_before_next: number;
                                        } | {
                                            /** @enum {string} */
                                            model: "prepaid";
                                            min_top_up_minor: string;
                                            /**
                                             * @description The largest single top-up, in minor units (at most 10^15; default 200000)
                                             * @default 200000
                                             */
                                            max_top_up_minor: string;
                                            /**
                                             * @description The most a wallet may hold with its pending top-ups, in minor units (at most 10^15; default 500000)
                                             * @default 500000
                                             */
                                            max_wallet_balance_minor: string;
                                            low_balance_minor: string;
                                            grace_days: number;
                                        };
                                        claim_window_days: number;
                                        notice_days: number;
                                        jury: {
                                            quorum_votes: number;
                                            quorum_share_bps: number;
                                            majority_bps: number;
                                            /** @enum {string} */
                                            on_tie: "approve" | "reject";
                                            /** @enum {string} */
                                            on_missed_quorum: "approve" | "reject" | "operator_decides";
                                        };
                                        share_weights: {
                                            max_age_years: number;
                                            weight: number;
                                        }[] | null;
                                        max_aids_per_member: number;
                                        family_enrollment: boolean;
                                        sustainability?: {
                                            expected_incidence_per_1000: {
                                                age_years: number;
                                                per_1000: number;
                                            }[];
                                            operating_cost_per_year_minor: string;
                                            alerts: {
                                                yearly_share_rise_bps: number | null;
                                                incidence_over_expected_bps: number | null;
                                                members_drop_bps: number | null;
                                                adverse_selection_bps: number | null;
                                                fee_below_cost: boolean;
                                                members_at_cap_bps: number | null;
                                            };
                                        };
                                    };
                                }[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/plans/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One plan with its full version history (public) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            plan: {
                                id: string;
                                name_zh: string;
                                name_en: string;
                                currency: string;
                                /** @enum {string} */
                                status: "open" | "closed";
                                created_at: string;
                                current_version: {
                                    version: number;
                                    effective_at: string;
                                    note: string;
                                    created_at: string;
                                    rules: {
                                        currency: string;
                                        join_age: {
                                            min_days: number;
                                            min_years: number;
                                            max_years: number;
                                        };
                                        aid_bands: {
                                            max_age_years: number;
                                            aid_minor: string;
                                        }[];
                                        illnesses: {
                                            code: string;
                                            name_zh: string;
                                            name_en: string;
                                        }[];
                                        health_questions: {
                                            code: string;
                                            text_zh: string;
                                            text_en: string;
                                        }[];
                                        waiting_days: number;
                                        fee_bps: number;
                                        caps: {
                                            per_case_minor: string | null;
                                            per_year_minor: string | null;
                                            /** @enum {string} */
                                            policy: "backstop" | "reduce_aid";
                                        };
                                        schedule: {
                                            notice_days_of_month: number[];
                                            collection_days_of_month: number[];
                                        };
                                        funding: {
                                            /** @enum {string} */
                                            model: "post_paid";
                                            retry_until_days_before_next: number;
                                        } | {
                                            /** @enum {string} */
                                            model: "prepaid";
                                            min_top_up_minor: string;
                                            /**
                                             * @description The largest single top-up, in minor units (at most 10^15; default 200000)
                                             * @default 200000
                                             */
                                            max_top_up_minor: string;
                                            /**
                                             * @description The most a wallet may hold with its pending top-ups, in minor units (at most 10^15; default 500000)
                                             * @default 500000
                                             */
                                            max_wallet_balance_minor: string;
                                            low_balance_minor: string;
                                            grace_days: number;
                                        };
                                        claim_window_days: number;
                                        notice_days: number;
                                        jury: {
                                            quorum_votes: number;
                                            quorum_share_bps: number;
                                            majority_bps: number;
                                            /** @enum {string} */
                                            on_tie: "approve" | "reject";
                                            /** @enum {string} */
                                            on_missed_quorum: "approve" | "reject" | "operator_decides";
                                        };
                                        share_weights: {
                                            max_age_years: number;
                                            weight: number;
                                        }[] | null;
                                        max_aids_per_member: number;
                                        family_enrollment: boolean;
                                        sustainability?: {
                                            expected_incidence_per_1000: {
                                                age_years: number;
                                                per_1000: number;
                                            }[];
                                            operating_cost_per_year_minor: string;
                                            alerts: {
                                                yearly_share_rise_bps: number | null;
                                                incidence_over_expected_bps: number | null;
                                                members_drop_bps: number | null;
                                                adverse_selection_bps: number | null;
                                                fee_below_cost: boolean;
                                                members_at_cap_bps: number | null;
                                            };
                                        };
                                    };
                                };
                                next_version: {
                                    version: number;
                                    effective_at: string;
                                    note: string;
                                } | null;
                                illnesses: {
                                    code: string;
                                    name_zh: string;
                                    name_en: string;
                                }[];
                                versions: {
                                    version: number;
                                    effective_at: string;
                                    note: string;
                                    created_at: string;
                                    rules: {
                                        currency: string;
                                        join_age: {
                                            min_days: number;
                                            min_years: number;
                                            max_years: number;
                                        };
                                        aid_bands: {
                                            max_age_years: number;
                                            aid_minor: string;
                                        }[];
                                        illnesses: {
                                            code: string;
                                            name_zh: string;
                                            name_en: string;
                                        }[];
                                        health_questions: {
                                            code: string;
                                            text_zh: string;
                                            text_en: string;
                                        }[];
                                        waiting_days: number;
                                        fee_bps: number;
                                        caps: {
                                            per_case_minor: string | null;
                                            per_year_minor: string | null;
                                            /** @enum {string} */
                                            policy: "backstop" | "reduce_aid";
                                        };
                                        schedule: {
                                            notice_days_of_month: number[];
                                            collection_days_of_month: number[];
                                        };
                                        funding: {
                                            /** @enum {string} */
                                            model: "post_paid";
                                            retry_until_days_before_next: number;
                                        } | {
                                            /** @enum {string} */
                                            model: "prepaid";
                                            min_top_up_minor: string;
                                            /**
                                             * @description The largest single top-up, in minor units (at most 10^15; default 200000)
                                             * @default 200000
                                             */
                                            max_top_up_minor: string;
                                            /**
                                             * @description The most a wallet may hold with its pending top-ups, in minor units (at most 10^15; default 500000)
                                             * @default 500000
                                             */
                                            max_wallet_balance_minor: string;
                                            low_balance_minor: string;
                                            grace_days: number;
                                        };
                                        claim_window_days: number;
                                        notice_days: number;
                                        jury: {
                                            quorum_votes: number;
                                            quorum_share_bps: number;
                                            majority_bps: number;
                                            /** @enum {string} */
                                            on_tie: "approve" | "reject";
                                            /** @enum {string} */
                                            on_missed_quorum: "approve" | "reject" | "operator_decides";
                                        };
                                        share_weights: {
                                            max_age_years: number;
                                            weight: number;
                                        }[] | null;
                                        max_aids_per_member: number;
                                        family_enrollment: boolean;
                                        sustainability?: {
                                            expected_incidence_per_1000: {
                                                age_years: number;
                                                per_1000: number;
                                            }[];
                                            operating_cost_per_year_minor: string;
                                            alerts: {
                                                yearly_share_rise_bps: number | null;
                                                incidence_over_expected_bps: number | null;
                                                members_drop_bps: number | null;
                                                adverse_selection_bps: number | null;
                                                fee_below_cost: boolean;
                                                members_at_cap_bps: number | null;
                                            };
                                        };
                                    };
                                }[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/plans/{id}/versions/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Check a new rule version as announcing it would, and show the notice members would get; writes nothing (operator) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description ISO 8601 time with a zone, after now and after the latest version */
                        effective_at: string;
                        /** @description What changes and why, shown to members */
                        note: string;
                        /** @description The plan rules, shaped as `rules` in the response of GET /api/plans/{id}; money as strings of digits in minor units. Invalid rules are refused with PLAN_BAD_RULES and the issues in details. */
                        rules?: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            preview: {
                                version: number;
                                effective_at: string;
                                notice: {
                                    title_zh: string;
                                    title_en: string;
                                    body_zh: string;
                                    body_en: string;
                                };
                                /** @description Payers of live memberships the notice would go to now */
                                recipient_count: number;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/plans/{id}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Announce a new rule version that takes effect in the future; members of the plan are notified (operator) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description ISO 8601 time with a zone, after now and after the latest version */
                        effective_at: string;
                        /** @description What changes and why, shown to members */
                        note: string;
                        /** @description The plan rules, shaped as `rules` in the response of GET /api/plans/{id}; money as strings of digits in minor units. Invalid rules are refused with PLAN_BAD_RULES and the issues in details. */
                        rules?: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            plan: {
                                id: string;
                                name_zh: string;
                                name_en: string;
                                currency: string;
                                /** @enum {string} */
                                status: "open" | "closed";
                                created_at: string;
                                current_version: {
                                    version: number;
                                    effective_at: string;
                                    note: string;
                                    created_at: string;
                                    rules: {
                                        currency: string;
                                        join_age: {
                                            min_days: number;
                                            min_years: number;
                                            max_years: number;
                                        };
                                        aid_bands: {
                                            max_age_years: number;
                                            aid_minor: string;
                                        }[];
                                        illnesses: {
                                            code: string;
                                            name_zh: string;
                                            name_en: string;
                                        }[];
                                        health_questions: {
                                            code: string;
                                            text_zh: string;
                                            text_en: string;
                                        }[];
                                        waiting_days: number;
                                        fee_bps: number;
                                        caps: {
                                            per_case_minor: string | null;
                                            per_year_minor: string | null;
                                            /** @enum {string} */
                                            policy: "backstop" | "reduce_aid";
                                        };
                                        schedule: {
                                            notice_days_of_month: number[];
                                            collection_days_of_month: number[];
                                        };
                                        funding: {
                                            /** @enum {string} */
                                            model: "post_paid";
                                            retry_until_days_before_next: number;
                                        } | {
                                            /** @enum {string} */
                                            model: "prepaid";
                                            min_top_up_minor: string;
                                            /**
                                             * @description The largest single top-up, in minor units (at most 10^15; default 200000)
                                             * @default 200000
                                             */
                                            max_top_up_minor: string;
                                            /**
                                             * @description The most a wallet may hold with its pending top-ups, in minor units (at most 10^15; default 500000)
                                             * @default 500000
                                             */
                                            max_wallet_balance_minor: string;
                                            low_balance_minor: string;
                                            grace_days: number;
                                        };
                                        claim_window_days: number;
                                        notice_days: number;
                                        jury: {
                                            quorum_votes: number;
                                            quorum_share_bps: number;
                                            majority_bps: number;
                                            /** @enum {string} */
                                            on_tie: "approve" | "reject";
                                            /** @enum {string} */
                                            on_missed_quorum: "approve" | "reject" | "operator_decides";
                                        };
                                        share_weights: {
                                            max_age_years: number;
                                            weight: number;
                                        }[] | null;
                                        max_aids_per_member: number;
                                        family_enrollment: boolean;
                                        sustainability?: {
                                            expected_incidence_per_1000: {
                                                age_years: number;
                                                per_1000: number;
                                            }[];
                                            operating_cost_per_year_minor: string;
                                            alerts: {
                                                yearly_share_rise_bps: number | null;
                                                incidence_over_expected_bps: number | null;
                                                members_drop_bps: number | null;
                                                adverse_selection_bps: number | null;
                                                fee_below_cost: boolean;
                                                members_at_cap_bps: number | null;
                                            };
                                        };
                                    };
                                };
                                next_version: {
                                    version: number;
                                    effective_at: string;
                                    note: string;
                                } | null;
                                illnesses: {
                                    code: string;
                                    name_zh: string;
                                    name_en: string;
                                }[];
                                versions: {
                                    version: number;
                                    effective_at: string;
                                    note: string;
                                    created_at: string;
                                    rules: {
                                        currency: string;
                                        join_age: {
                                            min_days: number;
                                            min_years: number;
                                            max_years: number;
                                        };
                                        aid_bands: {
                                            max_age_years: number;
                                            aid_minor: string;
                                        }[];
                                        illnesses: {
                                            code: string;
                                            name_zh: string;
                                            name_en: string;
                                        }[];
                                        health_questions: {
                                            code: string;
                                            text_zh: string;
                                            text_en: string;
                                        }[];
                                        waiting_days: number;
                                        fee_bps: number;
                                        caps: {
                                            per_case_minor: string | null;
                                            per_year_minor: string | null;
                                            /** @enum {string} */
                                            policy: "backstop" | "reduce_aid";
                                        };
                                        schedule: {
                                            notice_days_of_month: number[];
                                            collection_days_of_month: number[];
                                        };
                                        funding: {
                                            /** @enum {string} */
                                            model: "post_paid";
                                            retry_until_days_before_next: number;
                                        } | {
                                            /** @enum {string} */
                                            model: "prepaid";
                                            min_top_up_minor: string;
                                            /**
                                             * @description The largest single top-up, in minor units (at most 10^15; default 200000)
                                             * @default 200000
                                             */
                                            max_top_up_minor: string;
                                            /**
                                             * @description The most a wallet may hold with its pending top-ups, in minor units (at most 10^15; default 500000)
                                             * @default 500000
                                             */
                                            max_wallet_balance_minor: string;
                                            low_balance_minor: string;
                                            grace_days: number;
                                        };
                                        claim_window_days: number;
                                        notice_days: number;
                                        jury: {
                                            quorum_votes: number;
                                            quorum_share_bps: number;
                                            majority_bps: number;
                                            /** @enum {string} */
                                            on_tie: "approve" | "reject";
                                            /** @enum {string} */
                                            on_missed_quorum: "approve" | "reject" | "operator_decides";
                                        };
                                        share_weights: {
                                            max_age_years: number;
                                            weight: number;
                                        }[] | null;
                                        max_aids_per_member: number;
                                        family_enrollment: boolean;
                                        sustainability?: {
                                            expected_incidence_per_1000: {
                                                age_years: number;
                                                per_1000: number;
                                            }[];
                                            operating_cost_per_year_minor: string;
                                            alerts: {
                                                yearly_share_rise_bps: number | null;
                                                incidence_over_expected_bps: number | null;
                                                members_drop_bps: number | null;
                                                adverse_selection_bps: number | null;
                                                fee_below_cost: boolean;
                                                members_at_cap_bps: number | null;
                                            };
                                        };
                                    };
                                }[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/plans/{id}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Open a plan to new members or close it to them; existing memberships are unchanged (operator) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "open" | "closed";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            plan: {
                                id: string;
                                name_zh: string;
                                name_en: string;
                                currency: string;
                                /** @enum {string} */
                                status: "open" | "closed";
                                created_at: string;
                                current_version: {
                                    version: number;
                                    effective_at: string;
                                    note: string;
                                    created_at: string;
                                    rules: {
                                        currency: string;
                                        join_age: {
                                            min_days: number;
                                            min_years: number;
                                            max_years: number;
                                        };
                                        aid_bands: {
                                            max_age_years: number;
                                            aid_minor: string;
                                        }[];
                                        illnesses: {
                                            code: string;
                                            name_zh: string;
                                            name_en: string;
                                        }[];
                                        health_questions: {
                                            code: string;
                                            text_zh: string;
                                            text_en: string;
                                        }[];
                                        waiting_days: number;
                                        fee_bps: number;
                                        caps: {
                                            per_case_minor: string | null;
                                            per_year_minor: string | null;
                                            /** @enum {string} */
                                            policy: "backstop" | "reduce_aid";
                                        };
                                        schedule: {
                                            notice_days_of_month: number[];
                                            collection_days_of_month: number[];
                                        };
                                        funding: {
                                            /** @enum {string} */
                                            model: "post_paid";
                                            retry_until_days_before_next: number;
                                        } | {
                                            /** @enum {string} */
                                            model: "prepaid";
                                            min_top_up_minor: string;
                                            /**
                                             * @description The largest single top-up, in minor units (at most 10^15; default 200000)
                                             * @default 200000
                                             */
                                            max_top_up_minor: string;
                                            /**
                                             * @description The most a wallet may hold with its pending top-ups, in minor units (at most 10^15; default 500000)
                                             * @default 500000
                                             */
                                            max_wallet_balance_minor: string;
                                            low_balance_minor: string;
                                            grace_days: number;
                                        };
                                        claim_window_days: number;
                                        notice_days: number;
                                        jury: {
                                            quorum_votes: number;
                                            quorum_share_bps: number;
                                            majority_bps: number;
                                            /** @enum {string} */
                                            on_tie: "approve" | "reject";
                                            /** @enum {string} */
                                            on_missed_quorum: "approve" | "reject" | "operator_decides";
                                        };
                                        share_weights: {
                                            max_age_years: number;
                                            weight: number;
                                        }[] | null;
                                        max_aids_per_member: number;
                                        family_enrollment: boolean;
                                        sustainability?: {
                                            expected_incidence_per_1000: {
                                                age_years: number;
                                                per_1000: number;
                                            }[];
                                            operating_cost_per_year_minor: string;
                                            alerts: {
                                                yearly_share_rise_bps: number | null;
                                                incidence_over_expected_bps: number | null;
                                                members_drop_bps: number | null;
                                                adverse_selection_bps: number | null;
                                                fee_below_cost: boolean;
                                                members_at_cap_bps: number | null;
                                            };
                                        };
                                    };
                                };
                                next_version: {
                                    version: number;
                                    effective_at: string;
                                    note: string;
                                } | null;
                                illnesses: {
                                    code: string;
                                    name_zh: string;
                                    name_en: string;
                                }[];
                                versions: {
                                    version: number;
                                    effective_at: string;
                                    note: string;
                                    created_at: string;
                                    rules: {
                                        currency: string;
                                        join_age: {
                                            min_days: number;
                                            min_years: number;
                                            max_years: number;
                                        };
                                        aid_bands: {
                                            max_age_years: number;
                                            aid_minor: string;
                                        }[];
                                        illnesses: {
                                            code: string;
                                            name_zh: string;
                                            name_en: string;
                                        }[];
                                        health_questions: {
                                            code: string;
                                            text_zh: string;
                                            text_en: string;
                                        }[];
                                        waiting_days: number;
                                        fee_bps: number;
                                        caps: {
                                            per_case_minor: string | null;
                                            per_year_minor: string | null;
                                            /** @enum {string} */
                                            policy: "backstop" | "reduce_aid";
                                        };
                                        schedule: {
                                            notice_days_of_month: number[];
                                            collection_days_of_month: number[];
                                        };
                                        funding: {
                                            /** @enum {string} */
                                            model: "post_paid";
                                            retry_until_days_before_next: number;
                                        } | {
                                            /** @enum {string} */
                                            model: "prepaid";
                                            min_top_up_minor: string;
                                            /**
                                             * @description The largest single top-up, in minor units (at most 10^15; default 200000)
                                             * @default 200000
                                             */
                                            max_top_up_minor: string;
                                            /**
                                             * @description The most a wallet may hold with its pending top-ups, in minor units (at most 10^15; default 500000)
                                             * @default 500000
                                             */
                                            max_wallet_balance_minor: string;
                                            low_balance_minor: string;
                                            grace_days: number;
                                        };
                                        claim_window_days: number;
                                        notice_days: number;
                                        jury: {
                                            quorum_votes: number;
                                            quorum_share_bps: number;
                                            majority_bps: number;
                                            /** @enum {string} */
                                            on_tie: "approve" | "reject";
                                            /** @enum {string} */
                                            on_missed_quorum: "approve" | "reject" | "operator_decides";
                                        };
                                        share_weights: {
                                            max_age_years: number;
                                            weight: number;
                                        }[] | null;
                                        max_aids_per_member: number;
                                        family_enrollment: boolean;
                                        sustainability?: {
                                            expected_incidence_per_1000: {
                                                age_years: number;
                                                per_1000: number;
                                            }[];
                                            operating_cost_per_year_minor: string;
                                            alerts: {
                                                yearly_share_rise_bps: number | null;
                                                incidence_over_expected_bps: number | null;
                                                members_drop_bps: number | null;
                                                adverse_selection_bps: number | null;
                                                fee_below_cost: boolean;
                                                members_at_cap_bps: number | null;
                                            };
                                        };
                                    };
                                }[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/members/enrol": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Register a person (yourself or a family member you pay for) and join them to a plan */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        plan_id: string;
                        person: {
                            /** @description Real name as on the ID card */
                            name: string;
                            /** @description Mainland resident ID number (18 characters); stored encrypted, shown masked */
                            id_number: string;
                            /** @description YYYY-MM-DD; must agree with the ID number */
                            birth_date: string;
                            /** @enum {string} */
                            gender: "female" | "male";
                            province: string;
                            /** @description Mainland mobile number; stored encrypted, shown masked */
                            phone: string;
                            /**
                             * @description The person’s relation to you, the account holder who pays
                             * @default self
                             * @enum {string}
                             */
                            relationship?: "self" | "spouse" | "child" | "parent" | "other";
                        };
                        /** @description Answers to the plan’s health questions by code: true is a “yes”. A “yes” refuses joining. */
                        answers: {
                            [key: string]: boolean;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            person_id: string;
                            membership_id: string;
                            member_code: string;
                            /** @enum {string} */
                            status: "waiting";
                            /** @description First day of cover (YYYY-MM-DD) */
                            waiting_until: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/members/persons/{person_id}/join": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Join (or rejoin, with a new waiting period) a plan for a person you pay for */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    person_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        plan_id: string;
                        /** @description Answers to the plan’s health questions by code: true is a “yes”. A “yes” refuses joining. */
                        answers: {
                            [key: string]: boolean;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            person_id: string;
                            membership_id: string;
                            member_code: string;
                            /** @enum {string} */
                            status: "waiting";
                            /** @description First day of cover (YYYY-MM-DD) */
                            waiting_until: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/members/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The people you pay for, with their memberships and status histories (masked personal data) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            persons: {
                                person_id: string;
                                name_masked: string;
                                id_number_masked: string;
                                phone_masked: string;
                                /** @enum {string} */
                                gender: "female" | "male";
                                province: string;
                                relationship: string;
                                demo: boolean;
                                created_at: string;
                                memberships: {
                                    membership_id: string;
                                    member_code: string;
                                    plan_id: string;
                                    plan_name_zh: string;
                                    plan_name_en: string;
                                    plan_version: number;
                                    person_id: string;
                                    /** @enum {string} */
                                    status: "waiting" | "active" | "lapsed" | "withdrawn" | "terminated" | "ended";
                                    /** @enum {string} */
                                    funding_model: "post_paid" | "prepaid";
                                    joined_at: string;
                                    /** @description First day of cover (YYYY-MM-DD) */
                                    waiting_until: string;
                                    status_changed_at: string;
                                    age_at_join_years: number;
                                    demo: boolean;
                                    events: {
                                        event: string;
                                        from_status: string | null;
                                        to_status: string;
                                        reason: string;
                                        actor: string;
                                        at: string;
                                    }[];
                                }[];
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/memberships/{id}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Withdraw a membership you pay for */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason?: string;
                    } | null;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            membership: {
                                membership_id: string;
                                member_code: string;
                                plan_id: string;
                                plan_name_zh: string;
                                plan_name_en: string;
                                plan_version: number;
                                person_id: string;
                                /** @enum {string} */
                                status: "waiting" | "active" | "lapsed" | "withdrawn" | "terminated" | "ended";
                                /** @enum {string} */
                                funding_model: "post_paid" | "prepaid";
                                joined_at: string;
                                /** @description First day of cover (YYYY-MM-DD) */
                                waiting_until: string;
                                status_changed_at: string;
                                age_at_join_years: number;
                                demo: boolean;
                                person: {
                                    person_id: string;
                                    name_masked: string;
                                    id_number_masked: string;
                                    phone_masked: string;
                                    /** @enum {string} */
                                    gender: "female" | "male";
                                    province: string;
                                    relationship: string;
                                    demo: boolean;
                                    created_at: string;
                                };
                                events: {
                                    event: string;
                                    from_status: string | null;
                                    to_status: string;
                                    reason: string;
                                    actor: string;
                                    at: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/memberships": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Memberships by id with masked person data, by plan, status, person or member code (exact or prefix), paged: pass next_after as after (operator, auditor) */
        get: {
            parameters: {
                query?: {
                    plan_id?: string;
                    status?: "waiting" | "active" | "lapsed" | "withdrawn" | "terminated" | "ended";
                    /** @description Only the memberships of this person */
                    person_id?: string;
                    /** @description Exactly this member code (M and 12 characters) */
                    member_code?: string;
                    /** @description Member codes starting with this: M and at least 3 more characters, so a search matches a bounded number of members */
                    member_code_prefix?: string;
                    /** @description The last membership_id of the previous page */
                    after?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            memberships: {
                                membership_id: string;
                                member_code: string;
                                plan_id: string;
                                plan_name_zh: string;
                                plan_name_en: string;
                                plan_version: number;
                                person_id: string;
                                /** @enum {string} */
                                status: "waiting" | "active" | "lapsed" | "withdrawn" | "terminated" | "ended";
                                /** @enum {string} */
                                funding_model: "post_paid" | "prepaid";
                                joined_at: string;
                                /** @description First day of cover (YYYY-MM-DD) */
                                waiting_until: string;
                                status_changed_at: string;
                                age_at_join_years: number;
                                demo: boolean;
                                person: {
                                    person_id: string;
                                    name_masked: string;
                                    id_number_masked: string;
                                    phone_masked: string;
                                    /** @enum {string} */
                                    gender: "female" | "male";
                                    province: string;
                                    relationship: string;
                                    demo: boolean;
                                    created_at: string;
                                };
                            }[];
                            next_after: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/memberships/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One membership with masked person data and its status history (operator, auditor, or the member who pays for it) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            membership: {
                                membership_id: string;
                                member_code: string;
                                plan_id: string;
                                plan_name_zh: string;
                                plan_name_en: string;
                                plan_version: number;
                                person_id: string;
                                /** @enum {string} */
                                status: "waiting" | "active" | "lapsed" | "withdrawn" | "terminated" | "ended";
                                /** @enum {string} */
                                funding_model: "post_paid" | "prepaid";
                                joined_at: string;
                                /** @description First day of cover (YYYY-MM-DD) */
                                waiting_until: string;
                                status_changed_at: string;
                                age_at_join_years: number;
                                demo: boolean;
                                person: {
                                    person_id: string;
                                    name_masked: string;
                                    id_number_masked: string;
                                    phone_masked: string;
                                    /** @enum {string} */
                                    gender: "female" | "male";
                                    province: string;
                                    relationship: string;
                                    demo: boolean;
                                    created_at: string;
                                };
                                events: {
                                    event: string;
                                    from_status: string | null;
                                    to_status: string;
                                    reason: string;
                                    actor: string;
                                    at: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/memberships/{id}/terminate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Terminate a membership for fraud, with the reason kept in its history (operator) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Why: kept in the membership’s history and shown to the member */
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            membership: {
                                membership_id: string;
                                member_code: string;
                                plan_id: string;
                                plan_name_zh: string;
                                plan_name_en: string;
                                plan_version: number;
                                person_id: string;
                                /** @enum {string} */
                                status: "waiting" | "active" | "lapsed" | "withdrawn" | "terminated" | "ended";
                                /** @enum {string} */
                                funding_model: "post_paid" | "prepaid";
                                joined_at: string;
                                /** @description First day of cover (YYYY-MM-DD) */
                                waiting_until: string;
                                status_changed_at: string;
                                age_at_join_years: number;
                                demo: boolean;
                                person: {
                                    person_id: string;
                                    name_masked: string;
                                    id_number_masked: string;
                                    phone_masked: string;
                                    /** @enum {string} */
                                    gender: "female" | "male";
                                    province: string;
                                    relationship: string;
                                    demo: boolean;
                                    created_at: string;
                                };
                                events: {
                                    event: string;
                                    from_status: string | null;
                                    to_status: string;
                                    reason: string;
                                    actor: string;
                                    at: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/persons/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A person’s full, decrypted name, ID number and phone (admin only; needs a reason; every read is written to the audit log) */
        get: {
            parameters: {
                query?: {
                    /** @description Why you read it, 5–500 characters (PERSON_READ_REASON_REQUIRED without one) */
                    reason?: string;
                    /** @description The member code the lookup started from, recorded with the read */
                    member_code?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            person: {
                                person_id: string;
                                name: string;
                                id_number: string;
                                phone: string;
                                birth_date: string;
                                /** @enum {string} */
                                gender: "female" | "male";
                                province: string;
                                relationship: string;
                                payer_user_id: string | null;
                                created_at: string;
                                membership_ids: string[];
                            };
                            read_id: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/persons/by-member-code": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The person id behind a member code (admin only): where a lookup starts from the code a reviewer gives; no personal data */
        get: {
            parameters: {
                query?: {
                    member_code?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            person_id: string;
                            membership_id: string;
                            member_code: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/personal-data-reads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The audit log of full personal-data reads, newest first: who read whom, when and why (admin only; pass next_before as before) */
        get: {
            parameters: {
                query?: {
                    person_id?: string;
                    /** @description The last id of the previous page */
                    before?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            reads: {
                                id: string;
                                at: string;
                                reader_user_id: string;
                                reader_username: string;
                                person_id: string;
                                /** @description The member code the lookup started from; null when it started from the person id */
                                member_code: string | null;
                                reason: string;
                            }[];
                            next_before: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your in-app messages, newest first, paged: pass next_before as before */
        get: {
            parameters: {
                query?: {
                    /** @description The last id of the previous page */
                    before?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            notifications: {
                                id: string;
                                kind: string;
                                membership_id: string | null;
                                title_zh: string;
                                title_en: string;
                                body_zh: string;
                                body_en: string;
                                created_at: string;
                                read_at: string | null;
                            }[];
                            next_before: string | null;
                            unread: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark one of your messages read (reading it again keeps the first time) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            notification: {
                                id: string;
                                kind: string;
                                membership_id: string | null;
                                title_zh: string;
                                title_en: string;
                                body_zh: string;
                                body_en: string;
                                created_at: string;
                                read_at: string | null;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/memberships/{id}/top-ups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Top up a prepaid wallet (the payer); the money is credited when the provider confirms it
         * @description Refused before any payment is asked for when the amount is outside the plan version's bounds, or when the wallet with its pending top-ups and this one would hold more than max_wallet_balance_minor (422 FUNDING_WALLET_LIMIT). Each user may make a limited number of top-ups and refunds per minute (30 by default); more are refused with 429 RATE_LIMITED.
         */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description Your unique key for this request, 1–200 printable ASCII characters without spaces (a UUID is good). Sending the same request again with it returns the first answer (with `Idempotent-Replayed: true`) instead of moving money twice; the same key with another request is refused with 409 IDEMPOTENCY_KEY_REUSED. Keys are kept 48 hours. */
                    "idempotency-key": string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Minor units, at least the plan version's min_top_up_minor (FUNDING_TOP_UP_BELOW_MINIMUM) and at most its max_top_up_minor (FUNDING_TOP_UP_TOO_LARGE); never above 10^15 */
                        amount_minor: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            payment: {
                                payment_id: string;
                                reference: string;
                                /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                amount_minor: string;
                                currency: string;
                                /** @enum {string} */
                                status: "pending";
                                /** @description False when the provider could not be reached; it is resent automatically */
                                sent: boolean;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/memberships/{id}/wallet-refunds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Refund money from a prepaid wallet to the payer, at any time (the payer)
         * @description The amount leaves the wallet at once and is paid out by the provider. Each user may make a limited number of top-ups and refunds per minute (30 by default); more are refused with 429 RATE_LIMITED.
         */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description Your unique key for this request, 1–200 printable ASCII characters without spaces (a UUID is good). Sending the same request again with it returns the first answer (with `Idempotent-Replayed: true`) instead of moving money twice; the same key with another request is refused with 409 IDEMPOTENCY_KEY_REUSED. Keys are kept 48 hours. */
                    "idempotency-key": string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description At most what the wallet holds (FUNDING_REFUND_ABOVE_BALANCE) and at most 10^15 minor units */
                        amount_minor: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            payment: {
                                payment_id: string;
                                reference: string;
                                /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                amount_minor: string;
                                currency: string;
                                /** @enum {string} */
                                status: "pending";
                                /** @description False when the provider could not be reached; it is resent automatically */
                                sent: boolean;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/memberships/{id}/money": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Wallet balance, share charges and payments of a membership (the payer, operator, auditor) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            funding_model: "post_paid" | "prepaid";
                            balance_minor: string | null;
                            charges: {
                                id: string;
                                reference: string;
                                /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                amount_minor: string;
                                status: string;
                                created_at: string;
                                paid_at: string | null;
                            }[];
                            payments: {
                                id: string;
                                reference: string;
                                kind: string;
                                /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                amount_minor: string;
                                status: string;
                                failure_reason: string | null;
                                created_at: string;
                                settled_at: string | null;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/memberships/{id}/waiting-period-diagnosis": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a diagnosis inside the waiting period: the membership ends and the shares paid are refunded (reviewer, operator) */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description Your unique key for this request, 1–200 printable ASCII characters without spaces (a UUID is good). Sending the same request again with it returns the first answer (with `Idempotent-Replayed: true`) instead of moving money twice; the same key with another request is refused with 409 IDEMPOTENCY_KEY_REUSED. Keys are kept 48 hours. */
                    "idempotency-key": string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            membership_id: string;
                            /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                            refunded_minor: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/members/me/shares": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your share history: per membership you pay for and published cycle its share line, and per year the total and the cases helped */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            lines: {
                                membership_id: string;
                                member_code: string;
                                plan_id: string;
                                person_id: string;
                                /** @description The public cycle id: GET /api/memberships/{id}/cycles/{cycle_id}/proof gives the share line and its Merkle proof */
                                cycle_id: string;
                                snapshot_at: string;
                                collection_at: string;
                                currency: string;
                                /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                share_minor: string;
                                /** @description What the caps held back from this share (borne by the backstop or cut from the aid) */
                                capped_minor: string;
                                /** @description Cases the cycle shared */
                                case_count: number;
                                /** @description The share’s charge; null when nothing was charged (a zero share) */
                                charge_status: ("due" | "paid" | "written_off" | "refunded") | null;
                            }[];
                            years: {
                                year: string;
                                currency: string;
                                /** @description Σ of the year’s shares of every membership you pay for */
                                shared_minor: string;
                                /** @description Distinct cases of the year in which at least one of your memberships paid a share */
                                cases_helped: number;
                                cycle_count: number;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/memberships/{id}/bills": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The share charges of a membership you pay for, newest first: cycle, collection day, deadline, status, and whether you may retry a failed collection */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            bills: {
                                charge_id: string;
                                reference: string;
                                cycle_id: string | null;
                                /** @description The cycle’s collection day, when the first attempt is made */
                                collection_at: string | null;
                                /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                amount_minor: string;
                                currency: string;
                                /** @enum {string} */
                                status: "due" | "paid" | "written_off" | "refunded";
                                /** @description Collection attempts that failed so far */
                                attempts: number;
                                /** @description After this moment an unpaid share lapses the membership */
                                retry_until: string;
                                /** @description The next automatic attempt; null while one is with the provider */
                                next_attempt_at: string | null;
                                paid_at: string | null;
                                created_at: string;
                                last_failure_reason: string | null;
                                in_flight: boolean;
                                /** @description POST …/charges/{charge_id}/collect is accepted now */
                                retryable: boolean;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/memberships/{id}/charges/{charge_id}/collect": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ask for the collection of a post-paid share whose last attempt failed, now rather than at the next automatic attempt (the payer)
         * @description Accepted for a due share whose last collection failed, before its deadline, with no attempt under way; otherwise 409 FUNDING_CHARGE_NOT_RETRYABLE (details.reason: not_due, in_flight, not_failed, past_deadline). The outcome arrives from the provider like any collection.
         */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description Your unique key for this request, 1–200 printable ASCII characters without spaces (a UUID is good). Sending the same request again with it returns the first answer (with `Idempotent-Replayed: true`) instead of moving money twice; the same key with another request is refused with 409 IDEMPOTENCY_KEY_REUSED. Keys are kept 48 hours. */
                    "idempotency-key": string;
                };
                path: {
                    id: string;
                    charge_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            payment: {
                                payment_id: string;
                                reference: string;
                                /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                amount_minor: string;
                                currency: string;
                                /** @enum {string} */
                                status: "pending";
                                /** @description False when the provider could not be reached; it is resent automatically */
                                sent: boolean;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/claims": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Apply for aid (the payer of the membership): multipart/form-data with fields membership_id, illness_code, diagnosis_date (YYYY-MM-DD), hospital and 1–20 evidence files (PDF, JPEG or PNG, at most 10 MiB each) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            claim_id: string;
                            case_number: string;
                            /** @enum {string} */
                            state: "submitted";
                            age_at_diagnosis_years: number;
                            /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                            aid_minor: string;
                            evidence_files: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/claims/mine": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The claims of the memberships you pay for, newest first, with their history (staff are not named) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            claims: {
                                claim_id: string;
                                case_number: string;
                                membership_id: string;
                                member_code: string;
                                plan_id: string;
                                name_masked: string;
                                /** @enum {string} */
                                state: "submitted" | "in_review" | "investigating" | "approved_for_notice" | "in_notice" | "objected" | "in_jury" | "approved" | "scheduled" | "paid" | "rejected" | "appealed" | "rejected_final";
                                illness_code: string;
                                diagnosis_date: string;
                                /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                aid_minor: string;
                                rejection_code: string | null;
                                rejection_text: string | null;
                                submitted_at: string;
                                notice_starts_at: string | null;
                                notice_ends_at: string | null;
                                evidence_files: number;
                                events: {
                                    event: string;
                                    from_state: string | null;
                                    to_state: string;
                                    at: string;
                                }[];
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/claims/{id}/appeal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Appeal a rejected claim, with a reason (the payer of the membership) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            claim: {
                                claim_id: string;
                                case_number: string;
                                /** @enum {string} */
                                state: "submitted" | "in_review" | "investigating" | "approved_for_notice" | "in_notice" | "objected" | "in_jury" | "approved" | "scheduled" | "paid" | "rejected" | "appealed" | "rejected_final";
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/claims/{id}/objections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Object to a case during its public notice ("I object"), as an active member of the same plan whose membership you pay for; the claim is named by id or case number */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Your membership in the case’s plan */
                        membership_id: string;
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            objection_id: string;
                            case_number: string;
                            /** @enum {string} */
                            status: "open";
                            created_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/claims/queue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The claims work queue by id, filtered (state, plan, illness, age at diagnosis, days waiting, assignee), paged: pass next_after as after (reviewer, operator, auditor; an investigator sees the claims assigned to them) */
        get: {
            parameters: {
                query?: {
                    plan_id?: string;
                    illness_code?: string;
                    /** @description Age at diagnosis, at least (years); an aid band of the plan is age_from..age_to */
                    age_from?: number;
                    /** @description Age at diagnosis, at most (years) */
                    age_to?: number;
                    /** @description Only claims in their state for at least this many whole days */
                    min_days_waiting?: number;
                    /** @description The user id of the investigator of the open investigation, or "unassigned" */
                    assigned_to?: string | "unassigned";
                    state?: "submitted" | "in_review" | "investigating" | "approved_for_notice" | "in_notice" | "objected" | "in_jury" | "approved" | "scheduled" | "paid" | "rejected" | "appealed" | "rejected_final";
                    /** @description The last claim_id of the previous page */
                    after?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            claims: {
                                claim_id: string;
                                case_number: string;
                                plan_id: string;
                                member_code: string;
                                name_masked: string;
                                /** @enum {string} */
                                state: "submitted" | "in_review" | "investigating" | "approved_for_notice" | "in_notice" | "objected" | "in_jury" | "approved" | "scheduled" | "paid" | "rejected" | "appealed" | "rejected_final";
                                illness_code: string;
                                age_at_diagnosis_years: number;
                                /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                aid_minor: string;
                                submitted_at: string;
                                state_changed_at: string;
                                /** @description Whole days since the claim entered its state, by the server clock */
                                days_waiting: number;
                                assigned_to_user_id: string | null;
                                /** @description The display name of the investigator of the open investigation */
                                assigned_to_name: string | null;
                                open_objections: number;
                            }[];
                            next_after: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/claims/queue/counts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How many claims are in each state under the queue’s filters (the same roles and scope as the queue) */
        get: {
            parameters: {
                query?: {
                    plan_id?: string;
                    illness_code?: string;
                    /** @description Age at diagnosis, at least (years); an aid band of the plan is age_from..age_to */
                    age_from?: number;
                    /** @description Age at diagnosis, at most (years) */
                    age_to?: number;
                    /** @description Only claims in their state for at least this many whole days */
                    min_days_waiting?: number;
                    /** @description The user id of the investigator of the open investigation, or "unassigned" */
                    assigned_to?: string | "unassigned";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            counts: {
                                [key: string]: number;
                            };
                            total: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/claims/investigators": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The active investigators a reviewer may assign a claim to: user id and display name only (reviewer) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            investigators: {
                                user_id: string;
                                display_name: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/claims/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One claim as staff see it (the workbench): masked person data, membership history, the rules checked with their figures, investigations, objections, appeal, fraud finding; hospital and evidence file names for reviewers and investigators only (reviewer, investigator if assigned, operator, auditor) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            claim: {
                                claim_id: string;
                                case_number: string;
                                membership_id: string;
                                member_code: string;
                                plan_id: string;
                                plan_version: number;
                                /** @enum {string} */
                                state: "submitted" | "in_review" | "investigating" | "approved_for_notice" | "in_notice" | "objected" | "in_jury" | "approved" | "scheduled" | "paid" | "rejected" | "appealed" | "rejected_final";
                                illness_code: string;
                                diagnosis_date: string;
                                /** @description Reviewers, investigators and admins only */
                                hospital?: string;
                                age_at_diagnosis_years: number;
                                /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                aid_minor: string;
                                rejection_code: string | null;
                                rejection_text: string | null;
                                submitted_at: string;
                                state_changed_at: string;
                                notice_starts_at: string | null;
                                notice_ends_at: string | null;
                                person: {
                                    name_masked: string;
                                    id_number_masked: string;
                                    phone_masked: string;
                                    /** @enum {string} */
                                    gender: "female" | "male";
                                    province: string;
                                };
                                evidence: {
                                    /** @enum {string} */
                                    kind: "claimant" | "investigation";
                                    sha256: string;
                                    content_type: string;
                                    size_bytes: number;
                                    uploaded_at: string;
                                    /** @description Reviewers, investigators and admins only */
                                    file_name?: string;
                                }[];
                                investigations: {
                                    investigator_user_id: string;
                                    investigator_name: string;
                                    assigned_at: string;
                                    findings: string | null;
                                    recommendation: ("approve" | "reject") | null;
                                    completed_at: string | null;
                                }[];
                                objections: {
                                    objection_id: string;
                                    status: string;
                                    reason: string;
                                    resolution: string | null;
                                    created_at: string;
                                    resolved_at: string | null;
                                }[];
                                /** @description The plan’s rules at diagnosis, each checked with its figures */
                                checks: {
                                    /** @enum {string} */
                                    code: "covered_at_diagnosis" | "waiting_period_over" | "within_claim_window" | "illness_covered" | "aid_limit" | "age_band";
                                    pass: boolean;
                                    figures: {
                                        [key: string]: string | number | null;
                                    };
                                }[];
                                membership: {
                                    status: string;
                                    joined_at: string;
                                    waiting_until: string;
                                    history: {
                                        event: string;
                                        from_status: string | null;
                                        to_status: string;
                                        reason: string;
                                        at: string;
                                    }[];
                                };
                                appeal: {
                                    reason: string;
                                    at: string;
                                } | null;
                                fraud_finding: {
                                    finding: string;
                                    recorded_by: string;
                                    at: string;
                                } | null;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/claims/{id}/evidence/{sha256}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The bytes of one evidence file of the claim, as an attachment, or with inline=1 for the workbench to show (PDF, PNG, JPEG) (reviewer, investigator if assigned); never public */
        get: {
            parameters: {
                query?: {
                    /** @description 1: Content-Disposition inline, to show in an <img> or <iframe> of this origin */
                    inline?: "0" | "1";
                };
                header?: never;
                path: {
                    id: string;
                    sha256: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The file bytes (application/pdf, image/jpeg or image/png) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/claims/{id}/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The audit trail of a claim: every action with who, when, what, and the claim before and after (auditor, operator, reviewer, investigator if assigned) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            events: {
                                id: string;
                                event: string;
                                from_state: string | null;
                                to_state: string;
                                actor: string;
                                reason: string;
                                at: string;
                                before: {
                                    [key: string]: unknown;
                                } | null;
                                after: {
                                    [key: string]: unknown;
                                };
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/claims/{id}/start-review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start the initial review of a submitted claim (reviewer) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The claim’s state_changed_at as the staff member saw it; a decision on an older view is refused with 409 CLAIM_CHANGED (the web app always sends it) */
                        expected_state_changed_at?: string;
                    } | null;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            claim: {
                                claim_id: string;
                                case_number: string;
                                /** @enum {string} */
                                state: "submitted" | "in_review" | "investigating" | "approved_for_notice" | "in_notice" | "objected" | "in_jury" | "approved" | "scheduled" | "paid" | "rejected" | "appealed" | "rejected_final";
                                state_changed_at: string;
                                notice_ends_at: string | null;
                                rejection_code: string | null;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/claims/{id}/approve-for-notice": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve a reviewed claim for public notice (reviewer) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The claim’s state_changed_at as the staff member saw it; a decision on an older view is refused with 409 CLAIM_CHANGED (the web app always sends it) */
                        expected_state_changed_at?: string;
                    } | null;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            claim: {
                                claim_id: string;
                                case_number: string;
                                /** @enum {string} */
                                state: "submitted" | "in_review" | "investigating" | "approved_for_notice" | "in_notice" | "objected" | "in_jury" | "approved" | "scheduled" | "paid" | "rejected" | "appealed" | "rejected_final";
                                state_changed_at: string;
                                notice_ends_at: string | null;
                                rejection_code: string | null;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/claims/{id}/publish-notice": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Publish the case card for the plan’s notice days (reviewer, operator) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The claim’s state_changed_at as the staff member saw it; a decision on an older view is refused with 409 CLAIM_CHANGED (the web app always sends it) */
                        expected_state_changed_at?: string;
                    } | null;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            claim: {
                                claim_id: string;
                                case_number: string;
                                /** @enum {string} */
                                state: "submitted" | "in_review" | "investigating" | "approved_for_notice" | "in_notice" | "objected" | "in_jury" | "approved" | "scheduled" | "paid" | "rejected" | "appealed" | "rejected_final";
                                state_changed_at: string;
                                notice_ends_at: string | null;
                                rejection_code: string | null;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/claims/{id}/end-notice": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End the notice once it is over with no open objection: the claim is approved (reviewer, operator) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The claim’s state_changed_at as the staff member saw it; a decision on an older view is refused with 409 CLAIM_CHANGED (the web app always sends it) */
                        expected_state_changed_at?: string;
                    } | null;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            claim: {
                                claim_id: string;
                                case_number: string;
                                /** @enum {string} */
                                state: "submitted" | "in_review" | "investigating" | "approved_for_notice" | "in_notice" | "objected" | "in_jury" | "approved" | "scheduled" | "paid" | "rejected" | "appealed" | "rejected_final";
                                state_changed_at: string;
                                notice_ends_at: string | null;
                                rejection_code: string | null;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/claims/{id}/investigation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Assign a third-party investigator to a claim under review (reviewer) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        investigator_user_id: string;
                        /** @description The claim’s state_changed_at as the staff member saw it; a decision on an older view is refused with 409 CLAIM_CHANGED (the web app always sends it) */
                        expected_state_changed_at?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            claim: {
                                claim_id: string;
                                case_number: string;
                                /** @enum {string} */
                                state: "submitted" | "in_review" | "investigating" | "approved_for_notice" | "in_notice" | "objected" | "in_jury" | "approved" | "scheduled" | "paid" | "rejected" | "appealed" | "rejected_final";
                                state_changed_at: string;
                                notice_ends_at: string | null;
                                rejection_code: string | null;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/claims/{id}/findings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record the findings and recommendation of the investigation assigned to you (investigator) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        findings: string;
                        /** @enum {string} */
                        recommendation: "approve" | "reject";
                        /** @description The claim’s state_changed_at as the staff member saw it; a decision on an older view is refused with 409 CLAIM_CHANGED (the web app always sends it) */
                        expected_state_changed_at?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            claim: {
                                claim_id: string;
                                case_number: string;
                                /** @enum {string} */
                                state: "submitted" | "in_review" | "investigating" | "approved_for_notice" | "in_notice" | "objected" | "in_jury" | "approved" | "scheduled" | "paid" | "rejected" | "appealed" | "rejected_final";
                                state_changed_at: string;
                                notice_ends_at: string | null;
                                rejection_code: string | null;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/claims/{id}/appeal/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Decide a member’s appeal of a rejection: refer it to the members’ jury, or close the rejection as final, with a reason (reviewer) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        decision: "refer_to_jury" | "close_rejection";
                        reason: string;
                        /** @description The claim’s state_changed_at as the staff member saw it; a decision on an older view is refused with 409 CLAIM_CHANGED (the web app always sends it) */
                        expected_state_changed_at?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            claim: {
                                claim_id: string;
                                case_number: string;
                                /** @enum {string} */
                                state: "submitted" | "in_review" | "investigating" | "approved_for_notice" | "in_notice" | "objected" | "in_jury" | "approved" | "scheduled" | "paid" | "rejected" | "appealed" | "rejected_final";
                                state_changed_at: string;
                                notice_ends_at: string | null;
                                rejection_code: string | null;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/claims/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reject a claim with a reason from the fixed list and a case-specific text (reviewer); fraud goes through /fraud */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        reason_code: "INSUFFICIENT_EVIDENCE" | "DIAGNOSIS_NOT_MET" | "ILLNESS_NOT_COVERED" | "PRE_EXISTING_CONDITION" | "NOT_COVERED_AT_DIAGNOSIS" | "OBJECTION_UPHELD";
                        reason_text: string;
                        /** @description The claim’s state_changed_at as the staff member saw it; a decision on an older view is refused with 409 CLAIM_CHANGED (the web app always sends it) */
                        expected_state_changed_at?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            claim: {
                                claim_id: string;
                                case_number: string;
                                /** @enum {string} */
                                state: "submitted" | "in_review" | "investigating" | "approved_for_notice" | "in_notice" | "objected" | "in_jury" | "approved" | "scheduled" | "paid" | "rejected" | "appealed" | "rejected_final";
                                state_changed_at: string;
                                notice_ends_at: string | null;
                                rejection_code: string | null;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/claims/{id}/fraud": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record fraud on a claim: the claim is finally rejected, the membership terminated, the finding kept (operator) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        finding: string;
                        /** @description The claim’s state_changed_at as the staff member saw it; a decision on an older view is refused with 409 CLAIM_CHANGED (the web app always sends it) */
                        expected_state_changed_at?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            claim: {
                                claim_id: string;
                                case_number: string;
                                /** @enum {string} */
                                state: "submitted" | "in_review" | "investigating" | "approved_for_notice" | "in_notice" | "objected" | "in_jury" | "approved" | "scheduled" | "paid" | "rejected" | "appealed" | "rejected_final";
                                state_changed_at: string;
                                notice_ends_at: string | null;
                                rejection_code: string | null;
                            };
                            membership_status: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/claims/{id}/objections/{objection_id}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resolve one objection: dismiss (the notice goes on), uphold (back to review) or refer to the jury (reviewer) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    objection_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        decision: "dismiss" | "uphold" | "refer_to_jury";
                        resolution: string;
                        /** @description The claim’s state_changed_at as the staff member saw it; a decision on an older view is refused with 409 CLAIM_CHANGED (the web app always sends it) */
                        expected_state_changed_at?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            claim: {
                                claim_id: string;
                                case_number: string;
                                /** @enum {string} */
                                state: "submitted" | "in_review" | "investigating" | "approved_for_notice" | "in_notice" | "objected" | "in_jury" | "approved" | "scheduled" | "paid" | "rejected" | "appealed" | "rejected_final";
                                state_changed_at: string;
                                notice_ends_at: string | null;
                                rejection_code: string | null;
                            };
                            objection: {
                                objection_id: string;
                                status: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/claims/{id}/notes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The staff notes on a claim, oldest first, paged: pass next_after as after (reviewer, investigator if assigned, operator, auditor) */
        get: {
            parameters: {
                query?: {
                    after?: string;
                    limit?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            notes: {
                                note_id: string;
                                author_user_id: string;
                                author_name: string;
                                body: string;
                                created_at: string;
                            }[];
                            next_after: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add a note to a claim for colleagues, 1–2000 characters; notes are never edited (reviewer, investigator if assigned, operator) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description 1–2000 characters once trimmed */
                        body: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            note: {
                                note_id: string;
                                author_user_id: string;
                                author_name: string;
                                body: string;
                                created_at: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/objections/mine": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The objections raised through the memberships you pay for, newest first, with how each was resolved (reviewers are not named) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            objections: {
                                objection_id: string;
                                case_number: string;
                                plan_id: string;
                                /** @description Your membership the objection was raised through */
                                membership_id: string;
                                member_code: string;
                                /** @enum {string} */
                                status: "open" | "dismissed" | "upheld" | "referred";
                                reason: string;
                                /** @description The reviewer’s words when it was resolved */
                                resolution: string | null;
                                created_at: string;
                                resolved_at: string | null;
                                /** @description Whether the case card is public now (GET /api/public/cases/{case_number}) */
                                case_published: boolean;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Published case cards (in notice, objected, with the jury, approved, scheduled, paid), newest notice first, paged: pass next_after as after */
        get: {
            parameters: {
                query?: {
                    plan_id?: string;
                    /** @description The last case_number of the previous page */
                    after?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            cases: {
                                case_number: string;
                                plan_name_zh: string;
                                plan_name_en: string;
                                state: string;
                                name_masked: string;
                                age_at_diagnosis_years: number;
                                /** @enum {string} */
                                gender: "female" | "male";
                                province: string;
                                illness: {
                                    code: string;
                                    name_zh: string;
                                    name_en: string;
                                };
                                /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                aid_minor: string;
                                currency: string;
                                days_as_member: number;
                                /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                shares_paid_minor: string;
                                people_helped: number;
                                notice_starts_at: string | null;
                                notice_ends_at: string | null;
                            }[];
                            next_after: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/cases/{case_number}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One published case card by its case number */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    case_number: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            case: {
                                case_number: string;
                                plan_name_zh: string;
                                plan_name_en: string;
                                state: string;
                                name_masked: string;
                                age_at_diagnosis_years: number;
                                /** @enum {string} */
                                gender: "female" | "male";
                                province: string;
                                illness: {
                                    code: string;
                                    name_zh: string;
                                    name_en: string;
                                };
                                /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                aid_minor: string;
                                currency: string;
                                days_as_member: number;
                                /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                shares_paid_minor: string;
                                people_helped: number;
                                notice_starts_at: string | null;
                                notice_ends_at: string | null;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/jury/quiz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The juror qualification quiz: five questions about the plan rules (the answer key stays on the server) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            pass_mark: number;
                            questions: {
                                id: string;
                                question: {
                                    zh: string;
                                    en: string;
                                };
                                options: {
                                    zh: string;
                                    en: string;
                                }[];
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Take the quiz for a membership you pay for; 4 of 5 correct qualifies it for juries */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        membership_id: string;
                        answers: number[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            correct_answers: number;
                            questions: number;
                            passed: boolean;
                            passed_at: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/jury/jurors/mine": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your juror standing for each membership you pay for: quiz passed, tenure, age, whether it is drawn for juries */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            jurors: {
                                membership_id: string;
                                member_code: string;
                                plan_id: string;
                                plan_name_zh: string;
                                plan_name_en: string;
                                name_masked: string;
                                relationship: string;
                                membership_status: string;
                                /** @description When this membership passed the quiz; null while it has not */
                                quiz_passed_at: string | null;
                                /** @description When the membership reaches 30 days of tenure */
                                tenure_from: string;
                                adult: boolean;
                                /** @description Paying, 30+ days, adult, quiz passed, no fraud record: drawn for juries of the plan (except its own household’s cases) */
                                eligible: boolean;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/jury/panels/mine": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The jury panels the memberships you pay for were drawn on (open first), with the window, whether each seat voted (never how) and, once closed, counts and verdict */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            panels: {
                                claim_id: string;
                                case_number: string;
                                plan_id: string;
                                member_code: string;
                                membership_id: string;
                                /**
                                 * @description open: voting; counting: the window is over, the count not yet published; closed: counts and verdict published
                                 * @enum {string}
                                 */
                                phase: "open" | "counting" | "closed";
                                window: {
                                    opens_at: string;
                                    closes_at: string;
                                };
                                /** @description Whether this seat has voted (never how) */
                                voted: boolean;
                                counts: {
                                    approve: number;
                                    reject: number;
                                    cast: number;
                                } | null;
                                verdict: {
                                    /** @enum {string} */
                                    outcome: "approve" | "reject" | "operator_decides";
                                    operator_decision: ("approve" | "reject") | null;
                                } | null;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/claims/{id}/jury": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The public record of a claim’s jury (by claim id or case number): seed, eligible codes, panel, window; counts and verdict only once closed */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            case_number: string;
                            /** @enum {string} */
                            status: "voting" | "closed";
                            seed_hex: string;
                            seed_inputs: {
                                case_number: string;
                                ledger_seq: string;
                                ledger_hash_hex: string;
                            };
                            eligible_codes: string[];
                            eligible_count: number;
                            quorum: number;
                            panel_size: number;
                            panel: string[];
                            window: {
                                opens_at: string;
                                closes_at: string;
                            };
                            counts: {
                                approve: number;
                                reject: number;
                                cast: number;
                            } | null;
                            verdict: {
                                /** @enum {string} */
                                outcome: "approve" | "reject" | "operator_decides";
                                reason: string;
                                operator_decision: ("approve" | "reject") | null;
                            } | null;
                            /** @description The plan’s jury rules when the jury opened: a side wins with more than majority_bps of the votes cast; otherwise on_tie; below the quorum on_missed_quorum */
                            rules: {
                                majority_bps: number;
                                /** @enum {string} */
                                on_tie: "approve" | "reject";
                                /** @enum {string} */
                                on_missed_quorum: "approve" | "reject" | "operator_decides";
                            };
                            /** @description Once closed: SHA-256(case_number + "|" + receipt_hex) of every ballot counted, sorted; a juror finds their receipt’s commitment here. Null while voting */
                            ballot_commitments: string[] | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/juries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Juries for the staff console, newest claim first, paged (pass next_after as after): claims in in_jury to open a jury for, open juries with their window and votes cast (a count only), closed ones with the verdict */
        get: {
            parameters: {
                query?: {
                    phase?: "to_open" | "voting" | "counting" | "closed";
                    /** @description The last claim_id of the previous page */
                    after?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            juries: {
                                claim_id: string;
                                case_number: string;
                                plan_id: string;
                                claim_state: string;
                                /**
                                 * @description to_open: in_jury without a jury; voting; counting: the window is over, not closed yet; closed
                                 * @enum {string}
                                 */
                                phase: "to_open" | "voting" | "counting" | "closed";
                                window: {
                                    opens_at: string;
                                    closes_at: string;
                                } | null;
                                eligible_count: number | null;
                                panel_size: number | null;
                                /** @description How many seats have voted (never who, never how); null before the jury opens */
                                votes_cast: number | null;
                                verdict: ("approve" | "reject" | "operator_decides") | null;
                                operator_decision: ("approve" | "reject") | null;
                                /** @description Closed without a quorum where the plan leaves it to the operator, not decided yet */
                                awaiting_operator: boolean;
                            }[];
                            next_after: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/juries/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One claim’s jury for the staff console: its phase, window, panel size and votes cast (a count only); to_open while the claim waits in in_jury */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            claim_id: string;
                            case_number: string;
                            plan_id: string;
                            claim_state: string;
                            /**
                             * @description to_open: in_jury without a jury; voting; counting: the window is over, not closed yet; closed
                             * @enum {string}
                             */
                            phase: "to_open" | "voting" | "counting" | "closed";
                            window: {
                                opens_at: string;
                                closes_at: string;
                            } | null;
                            eligible_count: number | null;
                            panel_size: number | null;
                            /** @description How many seats have voted (never who, never how); null before the jury opens */
                            votes_cast: number | null;
                            verdict: ("approve" | "reject" | "operator_decides") | null;
                            operator_decision: ("approve" | "reject") | null;
                            /** @description Closed without a quorum where the plan leaves it to the operator, not decided yet */
                            awaiting_operator: boolean;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/claims/{id}/jury/open": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Open the jury of a claim in in_jury: fix the seed, snapshot the eligible jurors, draw the panel, start the voting window */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        window_hours?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            case_number: string;
                            /** @enum {string} */
                            status: "voting" | "closed";
                            seed_hex: string;
                            seed_inputs: {
                                case_number: string;
                                ledger_seq: string;
                                ledger_hash_hex: string;
                            };
                            eligible_codes: string[];
                            eligible_count: number;
                            quorum: number;
                            panel_size: number;
                            panel: string[];
                            window: {
                                opens_at: string;
                                closes_at: string;
                            };
                            counts: {
                                approve: number;
                                reject: number;
                                cast: number;
                            } | null;
                            verdict: {
                                /** @enum {string} */
                                outcome: "approve" | "reject" | "operator_decides";
                                reason: string;
                                operator_decision: ("approve" | "reject") | null;
                            } | null;
                            /** @description The plan’s jury rules when the jury opened: a side wins with more than majority_bps of the votes cast; otherwise on_tie; below the quorum on_missed_quorum */
                            rules: {
                                majority_bps: number;
                                /** @enum {string} */
                                on_tie: "approve" | "reject";
                                /** @enum {string} */
                                on_missed_quorum: "approve" | "reject" | "operator_decides";
                            };
                            /** @description Once closed: SHA-256(case_number + "|" + receipt_hex) of every ballot counted, sorted; a juror finds their receipt’s commitment here. Null while voting */
                            ballot_commitments: string[] | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/claims/{id}/jury/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Close the vote after its window: count, decide by the plan’s jury rules, move the claim */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            case_number: string;
                            /** @enum {string} */
                            status: "voting" | "closed";
                            seed_hex: string;
                            seed_inputs: {
                                case_number: string;
                                ledger_seq: string;
                                ledger_hash_hex: string;
                            };
                            eligible_codes: string[];
                            eligible_count: number;
                            quorum: number;
                            panel_size: number;
                            panel: string[];
                            window: {
                                opens_at: string;
                                closes_at: string;
                            };
                            counts: {
                                approve: number;
                                reject: number;
                                cast: number;
                            } | null;
                            verdict: {
                                /** @enum {string} */
                                outcome: "approve" | "reject" | "operator_decides";
                                reason: string;
                                operator_decision: ("approve" | "reject") | null;
                            } | null;
                            /** @description The plan’s jury rules when the jury opened: a side wins with more than majority_bps of the votes cast; otherwise on_tie; below the quorum on_missed_quorum */
                            rules: {
                                majority_bps: number;
                                /** @enum {string} */
                                on_tie: "approve" | "reject";
                                /** @enum {string} */
                                on_missed_quorum: "approve" | "reject" | "operator_decides";
                            };
                            /** @description Once closed: SHA-256(case_number + "|" + receipt_hex) of every ballot counted, sorted; a juror finds their receipt’s commitment here. Null while voting */
                            ballot_commitments: string[] | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/claims/{id}/jury/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The operator decides a claim whose jury missed its quorum when the plan leaves that to the operator */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        decision: "approve" | "reject";
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            case_number: string;
                            /** @enum {string} */
                            status: "voting" | "closed";
                            seed_hex: string;
                            seed_inputs: {
                                case_number: string;
                                ledger_seq: string;
                                ledger_hash_hex: string;
                            };
                            eligible_codes: string[];
                            eligible_count: number;
                            quorum: number;
                            panel_size: number;
                            panel: string[];
                            window: {
                                opens_at: string;
                                closes_at: string;
                            };
                            counts: {
                                approve: number;
                                reject: number;
                                cast: number;
                            } | null;
                            verdict: {
                                /** @enum {string} */
                                outcome: "approve" | "reject" | "operator_decides";
                                reason: string;
                                operator_decision: ("approve" | "reject") | null;
                            } | null;
                            /** @description The plan’s jury rules when the jury opened: a side wins with more than majority_bps of the votes cast; otherwise on_tie; below the quorum on_missed_quorum */
                            rules: {
                                majority_bps: number;
                                /** @enum {string} */
                                on_tie: "approve" | "reject";
                                /** @enum {string} */
                                on_missed_quorum: "approve" | "reject" | "operator_decides";
                            };
                            /** @description Once closed: SHA-256(case_number + "|" + receipt_hex) of every ballot counted, sorted; a juror finds their receipt’s commitment here. Null while voting */
                            ballot_commitments: string[] | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/claims/{id}/votes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cast your one secret vote as a juror on this claim’s panel (name the member code if you pay for several jurors on it); the answer holds your receipt, given once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        vote: "approve" | "reject";
                        member_code?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            member_code: string;
                            voted_at: string;
                            /** @description Given once, kept nowhere: once the jury closes, SHA-256(case_number + "|" + receipt_hex) is among its ballot_commitments if your ballot was counted */
                            receipt_hex: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/cycles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Sharing cycles, newest first: the figures of each export header and the Merkle root */
        get: {
            parameters: {
                query?: {
                    plan_id?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            cycles: {
                                cycle_id: string;
                                plan_id: string;
                                sequence: number;
                                /** @enum {string} */
                                status: "running" | "completed";
                                currency: string;
                                snapshot_at: string;
                                collection_at: string;
                                case_count: number;
                                /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                aid_total_minor: string;
                                fee_bps: number;
                                /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                fee_minor: string;
                                /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                surplus_in_minor: string;
                                /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                total_minor: string;
                                /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                surplus_out_minor: string;
                                weight_scheme: string;
                                /** @enum {string} */
                                cap_policy: "backstop" | "reduce_aid";
                                member_count: number | null;
                                weight_total: string | null;
                                share_total_minor: string | null;
                                capped_total_minor: string | null;
                                /** @description What a member of weight 1 was allocated before the caps: total ÷ weight total, rounded down */
                                allocated_share_per_member_minor: string | null;
                                /** @description What a covered member was charged after the caps, on average: share total ÷ members, rounded down */
                                paid_share_per_member_minor: string | null;
                                /** @description Receivables and wallet deductions made by the charge step (null before it ran) */
                                charged_minor: string | null;
                                /** @description Prepaid shares the wallets could not pay when charged, owed by those members as receivables */
                                shortfall_minor: string | null;
                                /** @description What the operator's backstop paid in for the caps */
                                backstop_minor: string | null;
                                /** @description The aid the cases are owed, after a "reduce_aid" cut */
                                aid_payable_minor: string | null;
                                /** @description The management fee recognised; charged + shortfall + backstop + surplus in = aid payable + fee payable + surplus out */
                                fee_payable_minor: string | null;
                                merkle_root_hex: string | null;
                                previous_root_hex: string;
                                seed_hex: string;
                                signature_hex: string | null;
                                completed_at: string | null;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/cycles/{cycle_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A cycle's report: its figures, the signed header line of its export and the case cards of the cases it shares */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    cycle_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            cycle: {
                                cycle_id: string;
                                plan_id: string;
                                sequence: number;
                                /** @enum {string} */
                                status: "running" | "completed";
                                currency: string;
                                snapshot_at: string;
                                collection_at: string;
                                case_count: number;
                                /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                aid_total_minor: string;
                                fee_bps: number;
                                /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                fee_minor: string;
                                /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                surplus_in_minor: string;
                                /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                total_minor: string;
                                /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                surplus_out_minor: string;
                                weight_scheme: string;
                                /** @enum {string} */
                                cap_policy: "backstop" | "reduce_aid";
                                member_count: number | null;
                                weight_total: string | null;
                                share_total_minor: string | null;
                                capped_total_minor: string | null;
                                /** @description What a member of weight 1 was allocated before the caps: total ÷ weight total, rounded down */
                                allocated_share_per_member_minor: string | null;
                                /** @description What a covered member was charged after the caps, on average: share total ÷ members, rounded down */
                                paid_share_per_member_minor: string | null;
                                /** @description Receivables and wallet deductions made by the charge step (null before it ran) */
                                charged_minor: string | null;
                                /** @description Prepaid shares the wallets could not pay when charged, owed by those members as receivables */
                                shortfall_minor: string | null;
                                /** @description What the operator's backstop paid in for the caps */
                                backstop_minor: string | null;
                                /** @description The aid the cases are owed, after a "reduce_aid" cut */
                                aid_payable_minor: string | null;
                                /** @description The management fee recognised; charged + shortfall + backstop + surplus in = aid payable + fee payable + surplus out */
                                fee_payable_minor: string | null;
                                merkle_root_hex: string | null;
                                previous_root_hex: string;
                                seed_hex: string;
                                signature_hex: string | null;
                                completed_at: string | null;
                            };
                            header_json: string | null;
                            cases: {
                                card: {
                                    case_number: string;
                                    plan_name_zh: string;
                                    plan_name_en: string;
                                    state: string;
                                    name_masked: string;
                                    age_at_diagnosis_years: number;
                                    /** @enum {string} */
                                    gender: "female" | "male";
                                    province: string;
                                    illness: {
                                        code: string;
                                        name_zh: string;
                                        name_en: string;
                                    };
                                    /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                    aid_minor: string;
                                    currency: string;
                                    days_as_member: number;
                                    /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                    shares_paid_minor: string;
                                    people_helped: number;
                                    notice_starts_at: string | null;
                                    notice_ends_at: string | null;
                                };
                                /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                payable_minor: string;
                                payout_status: string | null;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/cycles/{cycle_id}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The cycle's JSON Lines export (huzhu-cycle/1), streamed: check it with `huzhu verify` */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    cycle_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description JSON Lines */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/statistics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Public statistics per completed cycle and per year: members covered, cases, aid, fee, the share each member paid after caps and the share allocated before them, capped total, backstop, prepaid shortfall, people helped to date */
        get: {
            parameters: {
                query?: {
                    plan_id?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            per_cycle: {
                                period: string;
                                plan_id: string;
                                cycles: number;
                                members_covered: number;
                                cases: number;
                                /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                aid_minor: string;
                                /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                fee_minor: string;
                                /** @description What a covered member paid after the caps (share total ÷ members, rounded down); per year, summed over its cycles */
                                paid_share_per_member_minor: string;
                                /** @description What a member of weight 1 was allocated before the caps (total ÷ weight total); per year, summed */
                                allocated_share_per_member_minor: string;
                                /** @description Shares charged after the caps */
                                share_total_minor: string;
                                /** @description What the caps held back */
                                capped_total_minor: string;
                                /** @description What the operator's backstop paid in for the caps */
                                backstop_minor: string;
                                /** @description Prepaid shares the wallets could not pay when charged */
                                shortfall_minor: string;
                                people_helped_to_date: number;
                            }[];
                            per_year: {
                                period: string;
                                plan_id: string;
                                cycles: number;
                                members_covered: number;
                                cases: number;
                                /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                aid_minor: string;
                                /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                fee_minor: string;
                                /** @description What a covered member paid after the caps (share total ÷ members, rounded down); per year, summed over its cycles */
                                paid_share_per_member_minor: string;
                                /** @description What a member of weight 1 was allocated before the caps (total ÷ weight total); per year, summed */
                                allocated_share_per_member_minor: string;
                                /** @description Shares charged after the caps */
                                share_total_minor: string;
                                /** @description What the caps held back */
                                capped_total_minor: string;
                                /** @description What the operator's backstop paid in for the caps */
                                backstop_minor: string;
                                /** @description Prepaid shares the wallets could not pay when charged */
                                shortfall_minor: string;
                                people_helped_to_date: number;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/operator-key": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The operator's ed25519 public key (raw, hex) that signs every cycle header */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            algorithm: "ed25519";
                            public_key_hex: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/plans/{plan_id}/cycles/run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start a job running or resuming the plan's sharing cycle for the latest notice day not after `at` (default now), or join the plan's running job; 202 with the job and its URL (also in Location). A cycle already completed is a job that succeeds with `already_completed`; an `at` before the last cycle's snapshot, a job that fails with CYCLE_NOT_DUE (operator) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    plan_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        at?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            job: {
                                job_id: string;
                                plan_id: string;
                                /** @description the run time asked for; null for the time the job started */
                                run_at: string | null;
                                /**
                                 * @description interrupted: the process running it stopped; a new run resumes the cycle
                                 * @enum {string}
                                 */
                                status: "running" | "succeeded" | "failed" | "interrupted";
                                cycle_id: string | null;
                                /** @description the step running, or the last one done */
                                step: ("snapshot" | "allocate" | "publish" | "charge" | "schedule" | "collect" | "payout") | null;
                                steps_done: number;
                                steps_total: number;
                                /** @description database statements the running step has executed, while this server runs the job */
                                step_statements: number | null;
                                /** @description once the job succeeded: what the run did and the cycle's figures */
                                result: {
                                    cycle_id: string;
                                    resumed: boolean;
                                    already_completed: boolean;
                                    steps_run: ("snapshot" | "allocate" | "publish" | "charge" | "schedule" | "collect" | "payout")[];
                                    cycle: {
                                        cycle_id: string;
                                        plan_id: string;
                                        sequence: number;
                                        /** @enum {string} */
                                        status: "running" | "completed";
                                        currency: string;
                                        snapshot_at: string;
                                        collection_at: string;
                                        case_count: number;
                                        /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                        aid_total_minor: string;
                                        fee_bps: number;
                                        /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                        fee_minor: string;
                                        /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                        surplus_in_minor: string;
                                        /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                        total_minor: string;
                                        /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                        surplus_out_minor: string;
                                        weight_scheme: string;
                                        /** @enum {string} */
                                        cap_policy: "backstop" | "reduce_aid";
                                        member_count: number | null;
                                        weight_total: string | null;
                                        share_total_minor: string | null;
                                        capped_total_minor: string | null;
                                        /** @description What a member of weight 1 was allocated before the caps: total ÷ weight total, rounded down */
                                        allocated_share_per_member_minor: string | null;
                                        /** @description What a covered member was charged after the caps, on average: share total ÷ members, rounded down */
                                        paid_share_per_member_minor: string | null;
                                        /** @description Receivables and wallet deductions made by the charge step (null before it ran) */
                                        charged_minor: string | null;
                                        /** @description Prepaid shares the wallets could not pay when charged, owed by those members as receivables */
                                        shortfall_minor: string | null;
                                        /** @description What the operator's backstop paid in for the caps */
                                        backstop_minor: string | null;
                                        /** @description The aid the cases are owed, after a "reduce_aid" cut */
                                        aid_payable_minor: string | null;
                                        /** @description The management fee recognised; charged + shortfall + backstop + surplus in = aid payable + fee payable + surplus out */
                                        fee_payable_minor: string | null;
                                        merkle_root_hex: string | null;
                                        previous_root_hex: string;
                                        seed_hex: string;
                                        signature_hex: string | null;
                                        completed_at: string | null;
                                    };
                                } | null;
                                /** @description a rejection code such as CYCLE_NOT_DUE, or CYCLE_JOB_INTERRUPTED */
                                error: {
                                    code: string;
                                    message: string;
                                } | null;
                                created_by: string;
                                created_at: string;
                                updated_at: string;
                                finished_at: string | null;
                                /** @description changes whenever the job moves: pass it as `seen` to wait for the next move */
                                progress_token: string;
                            };
                            url: string;
                            joined: boolean;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cycle-jobs/{job_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A cycle job: its status, the step it is in, steps done of the total, and the result or the error. With `wait_seconds`, the answer comes as soon as the job ends, or after that many seconds (at most 60) with its state then (operator, auditor) */
        get: {
            parameters: {
                query?: {
                    wait_seconds?: number;
                    /** @description the `progress_token` of your last answer: with `wait_seconds`, answered as soon as the job moved from it (a step started or done, the end) */
                    seen?: string;
                };
                header?: never;
                path: {
                    job_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            job_id: string;
                            plan_id: string;
                            /** @description the run time asked for; null for the time the job started */
                            run_at: string | null;
                            /**
                             * @description interrupted: the process running it stopped; a new run resumes the cycle
                             * @enum {string}
                             */
                            status: "running" | "succeeded" | "failed" | "interrupted";
                            cycle_id: string | null;
                            /** @description the step running, or the last one done */
                            step: ("snapshot" | "allocate" | "publish" | "charge" | "schedule" | "collect" | "payout") | null;
                            steps_done: number;
                            steps_total: number;
                            /** @description database statements the running step has executed, while this server runs the job */
                            step_statements: number | null;
                            /** @description once the job succeeded: what the run did and the cycle's figures */
                            result: {
                                cycle_id: string;
                                resumed: boolean;
                                already_completed: boolean;
                                steps_run: ("snapshot" | "allocate" | "publish" | "charge" | "schedule" | "collect" | "payout")[];
                                cycle: {
                                    cycle_id: string;
                                    plan_id: string;
                                    sequence: number;
                                    /** @enum {string} */
                                    status: "running" | "completed";
                                    currency: string;
                                    snapshot_at: string;
                                    collection_at: string;
                                    case_count: number;
                                    /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                    aid_total_minor: string;
                                    fee_bps: number;
                                    /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                    fee_minor: string;
                                    /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                    surplus_in_minor: string;
                                    /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                    total_minor: string;
                                    /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                    surplus_out_minor: string;
                                    weight_scheme: string;
                                    /** @enum {string} */
                                    cap_policy: "backstop" | "reduce_aid";
                                    member_count: number | null;
                                    weight_total: string | null;
                                    share_total_minor: string | null;
                                    capped_total_minor: string | null;
                                    /** @description What a member of weight 1 was allocated before the caps: total ÷ weight total, rounded down */
                                    allocated_share_per_member_minor: string | null;
                                    /** @description What a covered member was charged after the caps, on average: share total ÷ members, rounded down */
                                    paid_share_per_member_minor: string | null;
                                    /** @description Receivables and wallet deductions made by the charge step (null before it ran) */
                                    charged_minor: string | null;
                                    /** @description Prepaid shares the wallets could not pay when charged, owed by those members as receivables */
                                    shortfall_minor: string | null;
                                    /** @description What the operator's backstop paid in for the caps */
                                    backstop_minor: string | null;
                                    /** @description The aid the cases are owed, after a "reduce_aid" cut */
                                    aid_payable_minor: string | null;
                                    /** @description The management fee recognised; charged + shortfall + backstop + surplus in = aid payable + fee payable + surplus out */
                                    fee_payable_minor: string | null;
                                    merkle_root_hex: string | null;
                                    previous_root_hex: string;
                                    seed_hex: string;
                                    signature_hex: string | null;
                                    completed_at: string | null;
                                };
                            } | null;
                            /** @description a rejection code such as CYCLE_NOT_DUE, or CYCLE_JOB_INTERRUPTED */
                            error: {
                                code: string;
                                message: string;
                            } | null;
                            created_by: string;
                            created_at: string;
                            updated_at: string;
                            finished_at: string | null;
                            /** @description changes whenever the job moves: pass it as `seen` to wait for the next move */
                            progress_token: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cycle-jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Cycle jobs, newest first, without their result (GET the job for it); filtered by plan, status or cycle, paged by id (operator, auditor) */
        get: {
            parameters: {
                query?: {
                    plan_id?: string;
                    status?: "running" | "succeeded" | "failed" | "interrupted";
                    cycle_id?: string;
                    /** @description page on: the last job_id of the previous page */
                    before_id?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            jobs: {
                                job_id: string;
                                plan_id: string;
                                /** @description the run time asked for; null for the time the job started */
                                run_at: string | null;
                                /**
                                 * @description interrupted: the process running it stopped; a new run resumes the cycle
                                 * @enum {string}
                                 */
                                status: "running" | "succeeded" | "failed" | "interrupted";
                                cycle_id: string | null;
                                /** @description the step running, or the last one done */
                                step: ("snapshot" | "allocate" | "publish" | "charge" | "schedule" | "collect" | "payout") | null;
                                steps_done: number;
                                steps_total: number;
                                /** @description database statements the running step has executed, while this server runs the job */
                                step_statements: number | null;
                                /** @description a rejection code such as CYCLE_NOT_DUE, or CYCLE_JOB_INTERRUPTED */
                                error: {
                                    code: string;
                                    message: string;
                                } | null;
                                created_by: string;
                                created_at: string;
                                updated_at: string;
                                finished_at: string | null;
                                /** @description changes whenever the job moves: pass it as `seen` to wait for the next move */
                                progress_token: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cycles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Cycles newest first, running and failed ones too, with each one's status and latest job; paged (operator, auditor) */
        get: {
            parameters: {
                query?: {
                    plan_id?: string;
                    /** @description page on: `next_before` of the previous page */
                    before?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            cycles: {
                                cycle: {
                                    cycle_id: string;
                                    plan_id: string;
                                    sequence: number;
                                    /** @enum {string} */
                                    status: "running" | "completed";
                                    currency: string;
                                    snapshot_at: string;
                                    collection_at: string;
                                    case_count: number;
                                    /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                    aid_total_minor: string;
                                    fee_bps: number;
                                    /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                    fee_minor: string;
                                    /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                    surplus_in_minor: string;
                                    /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                    total_minor: string;
                                    /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                    surplus_out_minor: string;
                                    weight_scheme: string;
                                    /** @enum {string} */
                                    cap_policy: "backstop" | "reduce_aid";
                                    member_count: number | null;
                                    weight_total: string | null;
                                    share_total_minor: string | null;
                                    capped_total_minor: string | null;
                                    /** @description What a member of weight 1 was allocated before the caps: total ÷ weight total, rounded down */
                                    allocated_share_per_member_minor: string | null;
                                    /** @description What a covered member was charged after the caps, on average: share total ÷ members, rounded down */
                                    paid_share_per_member_minor: string | null;
                                    /** @description Receivables and wallet deductions made by the charge step (null before it ran) */
                                    charged_minor: string | null;
                                    /** @description Prepaid shares the wallets could not pay when charged, owed by those members as receivables */
                                    shortfall_minor: string | null;
                                    /** @description What the operator's backstop paid in for the caps */
                                    backstop_minor: string | null;
                                    /** @description The aid the cases are owed, after a "reduce_aid" cut */
                                    aid_payable_minor: string | null;
                                    /** @description The management fee recognised; charged + shortfall + backstop + surplus in = aid payable + fee payable + surplus out */
                                    fee_payable_minor: string | null;
                                    merkle_root_hex: string | null;
                                    previous_root_hex: string;
                                    seed_hex: string;
                                    signature_hex: string | null;
                                    completed_at: string | null;
                                };
                                /**
                                 * @description published: the run completed; failed: its latest job failed or was interrupted (a new run resumes it); else running
                                 * @enum {string}
                                 */
                                staff_status: "running" | "published" | "failed";
                                /** @description the cycle's latest job; null for a cycle run without one (the CLI) */
                                last_job: {
                                    job_id: string;
                                    /** @enum {string} */
                                    status: "running" | "succeeded" | "failed" | "interrupted";
                                    error_code: string | null;
                                } | null;
                            }[];
                            next_before: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cycles/{cycle_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A cycle for the staff: its figures, status and latest job, and every case with its aid, the aid payable after a cut, and its payout (operator, auditor) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    cycle_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            cycle: {
                                cycle_id: string;
                                plan_id: string;
                                sequence: number;
                                /** @enum {string} */
                                status: "running" | "completed";
                                currency: string;
                                snapshot_at: string;
                                collection_at: string;
                                case_count: number;
                                /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                aid_total_minor: string;
                                fee_bps: number;
                                /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                fee_minor: string;
                                /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                surplus_in_minor: string;
                                /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                total_minor: string;
                                /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                surplus_out_minor: string;
                                weight_scheme: string;
                                /** @enum {string} */
                                cap_policy: "backstop" | "reduce_aid";
                                member_count: number | null;
                                weight_total: string | null;
                                share_total_minor: string | null;
                                capped_total_minor: string | null;
                                /** @description What a member of weight 1 was allocated before the caps: total ÷ weight total, rounded down */
                                allocated_share_per_member_minor: string | null;
                                /** @description What a covered member was charged after the caps, on average: share total ÷ members, rounded down */
                                paid_share_per_member_minor: string | null;
                                /** @description Receivables and wallet deductions made by the charge step (null before it ran) */
                                charged_minor: string | null;
                                /** @description Prepaid shares the wallets could not pay when charged, owed by those members as receivables */
                                shortfall_minor: string | null;
                                /** @description What the operator's backstop paid in for the caps */
                                backstop_minor: string | null;
                                /** @description The aid the cases are owed, after a "reduce_aid" cut */
                                aid_payable_minor: string | null;
                                /** @description The management fee recognised; charged + shortfall + backstop + surplus in = aid payable + fee payable + surplus out */
                                fee_payable_minor: string | null;
                                merkle_root_hex: string | null;
                                previous_root_hex: string;
                                seed_hex: string;
                                signature_hex: string | null;
                                completed_at: string | null;
                            };
                            /**
                             * @description published: the run completed; failed: its latest job failed or was interrupted (a new run resumes it); else running
                             * @enum {string}
                             */
                            staff_status: "running" | "published" | "failed";
                            /** @description the cycle's latest job; null for a cycle run without one (the CLI) */
                            last_job: {
                                job_id: string;
                                /** @enum {string} */
                                status: "running" | "succeeded" | "failed" | "interrupted";
                                error_code: string | null;
                            } | null;
                            cases: {
                                case_number: string;
                                /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                aid_minor: string;
                                /** @description the aid owed after a "reduce_aid" cut */
                                payable_minor: string;
                                payout_id: string | null;
                                payout_status: string | null;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/memberships/{id}/cycles/{cycle_id}/proof": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The member's share line in a cycle and its Merkle inclusion proof (the member who pays for it, operator, auditor); `huzhu verify --proof` checks it */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    cycle_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            format: "huzhu-proof/1";
                            cycle_id: string;
                            member_code: string;
                            weight: string;
                            cap_room_minor: string | null;
                            /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                            share_minor: string;
                            /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                            capped_minor: string;
                            leaf_index: number;
                            tree_size: number;
                            merkle_root_hex: string;
                            proof_hex: string[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/statistics/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The cases shared by each completed cycle and each year, counted by illness, age band at diagnosis and province (aggregate counts only) */
        get: {
            parameters: {
                query?: {
                    plan_id?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            per_cycle: {
                                /** @description A cycle id, or a year (YYYY) in per_year */
                                period: string;
                                plan_id: string;
                                cases: number;
                                by_illness: {
                                    code: string;
                                    name_zh: string;
                                    name_en: string;
                                    cases: number;
                                }[];
                                by_age_band: {
                                    /** @description 0-17, 18-29, 30-39, 40-49, 50-59, 60-69 or 70+ */
                                    band: string;
                                    min_age_years: number;
                                    max_age_years: number | null;
                                    cases: number;
                                }[];
                                by_province: {
                                    province: string;
                                    cases: number;
                                }[];
                            }[];
                            per_year: {
                                /** @description A cycle id, or a year (YYYY) in per_year */
                                period: string;
                                plan_id: string;
                                cases: number;
                                by_illness: {
                                    code: string;
                                    name_zh: string;
                                    name_en: string;
                                    cases: number;
                                }[];
                                by_age_band: {
                                    /** @description 0-17, 18-29, 30-39, 40-49, 50-59, 60-69 or 70+ */
                                    band: string;
                                    min_age_years: number;
                                    max_age_years: number | null;
                                    cases: number;
                                }[];
                                by_province: {
                                    province: string;
                                    cases: number;
                                }[];
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/payouts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Aid payouts, newest first, with their status and attempts (operator, auditor) */
        get: {
            parameters: {
                query?: {
                    plan_id?: string;
                    status?: "due" | "in_flight" | "paid" | "failed";
                    /** @description Page on: the last id of the previous page */
                    before_id?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            payouts: {
                                id: string;
                                /** @description The public case number of the claim; payouts carry no personal data */
                                case_number: string;
                                plan_id: string;
                                cycle_id: string;
                                /** @description the public id of the cycle that scheduled it */
                                cycle_code: string;
                                /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                amount_minor: string;
                                currency: string;
                                /**
                                 * @description due: waiting for cash or for its next attempt; in_flight: sent, waiting for the provider; paid; failed: attempts used up, waits for the operator
                                 * @enum {string}
                                 */
                                status: "due" | "in_flight" | "paid" | "failed";
                                attempts: string;
                                attempt_limit: string;
                                next_attempt_at: string | null;
                                last_failure_reason: string | null;
                                created_at: string;
                                paid_at: string | null;
                                /** @description every try to pay it, first to last */
                                attempt_history: {
                                    attempt: string;
                                    /**
                                     * @description pending: sent, the provider has not answered yet
                                     * @enum {string}
                                     */
                                    status: "pending" | "succeeded" | "failed";
                                    failure_reason: string | null;
                                    /** @description when the attempt was sent */
                                    created_at: string;
                                    /** @description when the provider's answer came */
                                    settled_at: string | null;
                                }[];
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/payouts/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Requeue a payout: one whose attempts are used up (failed) is due again with one more attempt, e.g. after the bank details were corrected; one whose last attempt failed and waits for its next try is due now. PAYOUT_NOT_FAILED for any other (operator) */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description Your unique key for this request, 1–200 printable ASCII characters without spaces (a UUID is good). Sending the same request again with it returns the first answer (with `Idempotent-Replayed: true`) instead of moving money twice; the same key with another request is refused with 409 IDEMPOTENCY_KEY_REUSED. Keys are kept 48 hours. */
                    "idempotency-key": string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            payout: {
                                id: string;
                                /** @enum {string} */
                                status: "due" | "in_flight" | "paid" | "failed";
                                attempts: string;
                                attempt_limit: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/plans/{plan_id}/advances": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The operator's advances to a plan and their repayments, newest first, with what is still owed (operator, auditor) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    plan_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            plan_id: string;
                            currency: string;
                            /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                            outstanding_minor: string;
                            /** @description What the plan can pay aid with now: aid payable − shares not yet collected + advances */
                            available_minor: string;
                            entries: {
                                id: string;
                                plan_id: string;
                                /** @enum {string} */
                                kind: "advance" | "repayment";
                                /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                amount_minor: string;
                                currency: string;
                                actor: string;
                                ledger_transaction_id: string;
                                created_at: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Advance the operator's own money to a plan so aid can be paid before collection catches up; repaid from later collections (operator) */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description Your unique key for this request, 1–200 printable ASCII characters without spaces (a UUID is good). Sending the same request again with it returns the first answer (with `Idempotent-Replayed: true`) instead of moving money twice; the same key with another request is refused with 409 IDEMPOTENCY_KEY_REUSED. Keys are kept 48 hours. */
                    "idempotency-key": string;
                };
                path: {
                    plan_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description A positive integer number of minor units as a string of digits, at most 1000000000000000 (10^15) */
                        amount_minor: string;
                        /** @description Deprecated, the Idempotency-Key header does this: a key of the advance itself, shared by every operator; without it the advance is keyed by your header key */
                        idempotency_key?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            advance: {
                                id: string;
                                plan_id: string;
                                /** @enum {string} */
                                kind: "advance" | "repayment";
                                /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                amount_minor: string;
                                currency: string;
                                actor: string;
                                ledger_transaction_id: string;
                                created_at: string;
                            };
                            /** @enum {boolean} */
                            replayed: true;
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            advance: {
                                id: string;
                                plan_id: string;
                                /** @enum {string} */
                                kind: "advance" | "repayment";
                                /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                amount_minor: string;
                                currency: string;
                                actor: string;
                                ledger_transaction_id: string;
                                created_at: string;
                            };
                            /** @enum {boolean} */
                            replayed: false;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/operator/dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One plan at a glance: members covered, joins and exits per cycle, claims by state, the next cycle’s preview and cash (operator) */
        get: {
            parameters: {
                query: {
                    plan_id: string;
                    /** @description How many past cycles the joins and exits cover */
                    cycles?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            dashboard: {
                                plan_id: string;
                                currency: string;
                                at: string;
                                members: {
                                    /** @description Live and past the waiting period now */
                                    covered: string;
                                    /** @description Live and still in the waiting period */
                                    waiting: string;
                                };
                                /** @description Joins and exits between the snapshots of the last cycles, oldest first; the last window runs from the last snapshot to now */
                                flows: {
                                    cycle_id: string;
                                    since_at: string | null;
                                    until_at: string;
                                    member_count: string | null;
                                    joins: string;
                                    exits: string;
                                    exits_by_status: {
                                        lapsed: string;
                                        withdrawn: string;
                                        terminated: string;
                                        ended: string;
                                    };
                                }[];
                                claims_by_state: {
                                    [key: string]: string;
                                };
                                next_cycle: {
                                    cycle_id: string;
                                    snapshot_at: string;
                                    collection_at: string;
                                    /** @description The snapshot is past and the cycle waits for its run */
                                    due: boolean;
                                    plan_version: number;
                                    /** @description The cases it would share, at most 200 (case_count counts them all) */
                                    cases: {
                                        case_number: string;
                                        /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                        aid_minor: string;
                                    }[];
                                    case_count: number;
                                    /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                    aid_total_minor: string;
                                    fee_bps: number;
                                    /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                    fee_minor: string;
                                    /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                    surplus_in_minor: string;
                                    /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                    total_minor: string;
                                    /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                    surplus_out_minor: string;
                                    /** @enum {string} */
                                    cap_policy: "backstop" | "reduce_aid";
                                    member_count: string;
                                    weight_total: string;
                                    /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                    share_per_weight_minor: string;
                                    per_member_cap_minor: string | null;
                                    /** @description What a member of weight 1 with nothing paid this year would pay, after the caps */
                                    estimated_share_minor: string;
                                    members_at_cap: string;
                                    /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                    capped_estimate_minor: string;
                                };
                                cash: {
                                    /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                    in_collection_minor: string;
                                    in_collection_count: string;
                                    /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                    shares_receivable_minor: string;
                                    /** @description The currency’s custody account, for every plan in that currency */
                                    custody_minor: string;
                                    /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                    payouts_due_minor: string;
                                    payouts_due_count: string;
                                    payouts_failed_count: string;
                                    /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                    advances_outstanding_minor: string;
                                };
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sustainability/plans/{plan_id}/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The stored sustainability metrics of the plan’s last cycles, each with its 12 months, oldest first (operator, auditor) */
        get: {
            parameters: {
                query?: {
                    /** @description How many of the last cycles */
                    cycles?: number;
                };
                header?: never;
                path: {
                    plan_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            plan_id: string;
                            currency: string;
                            cycles: {
                                cycle: {
                                    cycle_id: string;
                                    sequence: number;
                                    snapshot_at: string;
                                    /** @description The previous cycle’s snapshot, or the schedule’s previous notice day for a first cycle */
                                    period_start_at: string;
                                    period_days: number;
                                    members_covered: string;
                                    joins: string;
                                    exits: string;
                                    exits_ever_claimed: string;
                                    cases: string;
                                    cases_aged_40_plus: string;
                                    /** @description Basis points: 10,000 = 1× (or 100%); null when there is nothing to compare with */
                                    cases_aged_40_plus_bps: number | null;
                                    member_days: string;
                                    /** @description cases × 365 × 100,000 ÷ (covered × period days) */
                                    incidence_per_100k: number | null;
                                    /** @description Cases per 100,000 members a year (two decimals); null without covered members */
                                    expected_incidence_per_100k: number | null;
                                    expected_per_1000_sum: number;
                                    /** @description Basis points: 10,000 = 1× (or 100%); null when there is nothing to compare with */
                                    incidence_vs_expected_bps: number | null;
                                    by_age_band: {
                                        /** @enum {string} */
                                        band: "0-29" | "30-39" | "40-49" | "50-59" | "60+";
                                        covered: string;
                                        joins: string;
                                        exits: string;
                                        exits_ever_claimed: string;
                                        cases: string;
                                        member_days: string;
                                        /** @description Cases per 100,000 members a year (two decimals); null without covered members */
                                        incidence_per_100k: number | null;
                                        /** @description Cases per 100,000 members a year (two decimals); null without covered members */
                                        expected_per_100k: number | null;
                                    }[];
                                    by_tenure_band: {
                                        /** @enum {string} */
                                        band: "0-3" | "3-12" | "12-24" | "24+";
                                        covered: string;
                                        cases: string;
                                        member_days: string;
                                        /** @description Cases per 100,000 members a year (two decimals); null without covered members */
                                        incidence_per_100k: number | null;
                                    }[];
                                    share: {
                                        /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                        aid_total_minor: string;
                                        /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                        total_minor: string;
                                        /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                        share_total_minor: string;
                                        /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                        share_per_member_minor: string;
                                    };
                                    caps: {
                                        members_capped: string;
                                        members_at_year_cap: string | null;
                                        /** @description Basis points: 10,000 = 1× (or 100%); null when there is nothing to compare with */
                                        members_at_year_cap_bps: number | null;
                                        /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                        backstop_minor: string;
                                    };
                                    operator: {
                                        /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                        fee_income_minor: string;
                                        /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                        operating_cost_minor: string;
                                        /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                        margin_minor: string;
                                        break_even_members: string | null;
                                    };
                                    /** @description Mean expected incidence (from the plan’s table and the members’ ages) of joiners, leavers and stayers */
                                    selection: {
                                        joiners: {
                                            members: string;
                                            /** @description Cases per 100,000 members a year (two decimals); null without covered members */
                                            expected_per_100k: number | null;
                                        };
                                        leavers: {
                                            members: string;
                                            /** @description Cases per 100,000 members a year (two decimals); null without covered members */
                                            expected_per_100k: number | null;
                                        };
                                        /** @description Covered at the end and members already at the start */
                                        stayers: {
                                            members: string;
                                            /** @description Cases per 100,000 members a year (two decimals); null without covered members */
                                            expected_per_100k: number | null;
                                        };
                                        /** @description Basis points: 10,000 = 1× (or 100%); null when there is nothing to compare with */
                                        joiners_index_bps: number | null;
                                        /** @description Basis points: 10,000 = 1× (or 100%); null when there is nothing to compare with */
                                        leavers_index_bps: number | null;
                                        /** @description Joiners’ mean expected incidence over leavers’: above 10,000 those who come are riskier than those who go */
                                        adverse_selection_index_bps: number | null;
                                    };
                                };
                                rolling: {
                                    /** @description Exclusive start: the snapshot time 12 months before */
                                    since_at: string;
                                    until_at: string;
                                    cycles: number;
                                    period_days: number;
                                    /** @description The cycle “12 months before” the trends compare with; null for a younger plan */
                                    reference_cycle_id: string | null;
                                    /** @description Σ of the share per member of the cycles in the 12 months */
                                    yearly_share_per_member_minor: string;
                                    yearly_share_12m_before_minor: string | null;
                                    /** @description Basis points: 10,000 = 1× (or 100%); null when there is nothing to compare with */
                                    yearly_share_change_bps: number | null;
                                    members_covered: string;
                                    members_12m_before: string | null;
                                    /** @description Basis points: 10,000 = 1× (or 100%); null when there is nothing to compare with */
                                    members_change_bps: number | null;
                                    joins: string;
                                    exits: string;
                                    exits_ever_claimed: string;
                                    cases: string;
                                    /** @description Basis points: 10,000 = 1× (or 100%); null when there is nothing to compare with */
                                    cases_aged_40_plus_bps: number | null;
                                    member_days: string;
                                    /** @description Cases per 100,000 members a year (two decimals); null without covered members */
                                    incidence_per_100k: number | null;
                                    /** @description Cases per 100,000 members a year (two decimals); null without covered members */
                                    expected_incidence_per_100k: number | null;
                                    /** @description Basis points: 10,000 = 1× (or 100%); null when there is nothing to compare with */
                                    incidence_vs_expected_bps: number | null;
                                    by_age_band: {
                                        /** @enum {string} */
                                        band: "0-29" | "30-39" | "40-49" | "50-59" | "60+";
                                        joins: string;
                                        exits: string;
                                        exits_ever_claimed: string;
                                        cases: string;
                                        member_days: string;
                                        /** @description Cases per 100,000 members a year (two decimals); null without covered members */
                                        incidence_per_100k: number | null;
                                    }[];
                                    /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                    backstop_minor: string;
                                    operator: {
                                        /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                        fee_income_minor: string;
                                        /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                        fee_income_per_year_minor: string;
                                        /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                        operating_cost_per_year_minor: string;
                                        /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                        margin_per_year_minor: string;
                                        break_even_members: string | null;
                                    };
                                    /** @description Mean expected incidence (from the plan’s table and the members’ ages) of joiners, leavers and stayers */
                                    selection: {
                                        joiners: {
                                            members: string;
                                            /** @description Cases per 100,000 members a year (two decimals); null without covered members */
                                            expected_per_100k: number | null;
                                        };
                                        leavers: {
                                            members: string;
                                            /** @description Cases per 100,000 members a year (two decimals); null without covered members */
                                            expected_per_100k: number | null;
                                        };
                                        /** @description Covered at the end and members already at the start */
                                        stayers: {
                                            members: string;
                                            /** @description Cases per 100,000 members a year (two decimals); null without covered members */
                                            expected_per_100k: number | null;
                                        };
                                        /** @description Basis points: 10,000 = 1× (or 100%); null when there is nothing to compare with */
                                        joiners_index_bps: number | null;
                                        /** @description Basis points: 10,000 = 1× (or 100%); null when there is nothing to compare with */
                                        leavers_index_bps: number | null;
                                        /** @description Joiners’ mean expected incidence over leavers’: above 10,000 those who come are riskier than those who go */
                                        adverse_selection_index_bps: number | null;
                                    };
                                };
                            }[];
                            /** @description The 12 months to the latest cycle */
                            latest_rolling: {
                                /** @description Exclusive start: the snapshot time 12 months before */
                                since_at: string;
                                until_at: string;
                                cycles: number;
                                period_days: number;
                                /** @description The cycle “12 months before” the trends compare with; null for a younger plan */
                                reference_cycle_id: string | null;
                                /** @description Σ of the share per member of the cycles in the 12 months */
                                yearly_share_per_member_minor: string;
                                yearly_share_12m_before_minor: string | null;
                                /** @description Basis points: 10,000 = 1× (or 100%); null when there is nothing to compare with */
                                yearly_share_change_bps: number | null;
                                members_covered: string;
                                members_12m_before: string | null;
                                /** @description Basis points: 10,000 = 1× (or 100%); null when there is nothing to compare with */
                                members_change_bps: number | null;
                                joins: string;
                                exits: string;
                                exits_ever_claimed: string;
                                cases: string;
                                /** @description Basis points: 10,000 = 1× (or 100%); null when there is nothing to compare with */
                                cases_aged_40_plus_bps: number | null;
                                member_days: string;
                                /** @description Cases per 100,000 members a year (two decimals); null without covered members */
                                incidence_per_100k: number | null;
                                /** @description Cases per 100,000 members a year (two decimals); null without covered members */
                                expected_incidence_per_100k: number | null;
                                /** @description Basis points: 10,000 = 1× (or 100%); null when there is nothing to compare with */
                                incidence_vs_expected_bps: number | null;
                                by_age_band: {
                                    /** @enum {string} */
                                    band: "0-29" | "30-39" | "40-49" | "50-59" | "60+";
                                    joins: string;
                                    exits: string;
                                    exits_ever_claimed: string;
                                    cases: string;
                                    member_days: string;
                                    /** @description Cases per 100,000 members a year (two decimals); null without covered members */
                                    incidence_per_100k: number | null;
                                }[];
                                /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                backstop_minor: string;
                                operator: {
                                    /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                    fee_income_minor: string;
                                    /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                    fee_income_per_year_minor: string;
                                    /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                    operating_cost_per_year_minor: string;
                                    /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                    margin_per_year_minor: string;
                                    break_even_members: string | null;
                                };
                                /** @description Mean expected incidence (from the plan’s table and the members’ ages) of joiners, leavers and stayers */
                                selection: {
                                    joiners: {
                                        members: string;
                                        /** @description Cases per 100,000 members a year (two decimals); null without covered members */
                                        expected_per_100k: number | null;
                                    };
                                    leavers: {
                                        members: string;
                                        /** @description Cases per 100,000 members a year (two decimals); null without covered members */
                                        expected_per_100k: number | null;
                                    };
                                    /** @description Covered at the end and members already at the start */
                                    stayers: {
                                        members: string;
                                        /** @description Cases per 100,000 members a year (two decimals); null without covered members */
                                        expected_per_100k: number | null;
                                    };
                                    /** @description Basis points: 10,000 = 1× (or 100%); null when there is nothing to compare with */
                                    joiners_index_bps: number | null;
                                    /** @description Basis points: 10,000 = 1× (or 100%); null when there is nothing to compare with */
                                    leavers_index_bps: number | null;
                                    /** @description Joiners’ mean expected incidence over leavers’: above 10,000 those who come are riskier than those who go */
                                    adverse_selection_index_bps: number | null;
                                };
                            } | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sustainability/plans/{plan_id}/alerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The alerts the plan’s metrics raised, newest cycle first, with their texts (operator, auditor) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    plan_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            alerts: {
                                /** @enum {string} */
                                kind: "yearly_share_rise" | "incidence_over_expected" | "members_drop" | "adverse_selection" | "fee_below_cost" | "members_at_cap";
                                cycle_id: string;
                                snapshot_at: string;
                                title_zh: string;
                                title_en: string;
                                body_zh: string;
                                body_en: string;
                                /** @description The figure that reached the threshold: basis points, or minor units a year for fee_below_cost */
                                value: string;
                                threshold: string;
                                /** @description Shown on the public health page */
                                public: boolean;
                                created_at: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sustainability/plans/{plan_id}/recompute": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Recomputes the metrics of every completed cycle of the plan, oldest first; moves no money, and alerts already raised are not raised again (operator) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    plan_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            plan_id: string;
                            /** @description Cycles computed */
                            cycles: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/plans/{plan_id}/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The plan’s health in figures anyone can read: share and membership trends, age mix and public alerts (aggregates only) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    plan_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            health: {
                                plan_id: string;
                                name_zh: string;
                                name_en: string;
                                currency: string;
                                as_of: string | null;
                                share_trend: {
                                    cycle_id: string;
                                    snapshot_at: string;
                                    /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                    share_per_member_minor: string;
                                    /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                    yearly_share_minor: string;
                                }[];
                                yearly_share_minor: string | null;
                                /** @description Basis points: 10,000 = 1× (or 100%); null when there is nothing to compare with */
                                yearly_share_change_bps: number | null;
                                membership_trend: {
                                    cycle_id: string;
                                    snapshot_at: string;
                                    members_covered: string;
                                    joins: string;
                                    exits: string;
                                }[];
                                members_covered: string | null;
                                /** @description Basis points: 10,000 = 1× (or 100%); null when there is nothing to compare with */
                                members_change_bps: number | null;
                                age_mix: {
                                    /** @enum {string} */
                                    band: "0-29" | "30-39" | "40-49" | "50-59" | "60+";
                                    members: string;
                                    /** @description Basis points: 10,000 = 1× (or 100%); null when there is nothing to compare with */
                                    share_bps: number | null;
                                }[];
                                alerts: {
                                    /** @enum {string} */
                                    kind: "yearly_share_rise" | "incidence_over_expected" | "members_drop" | "adverse_selection" | "fee_below_cost" | "members_at_cap";
                                    cycle_id: string;
                                    snapshot_at: string;
                                    title_zh: string;
                                    title_en: string;
                                    body_zh: string;
                                    body_en: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sustainability/scenarios": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The simulator’s scenarios: names, descriptions, the what-if fields with their defaults and bounds, and the run options’ bounds (operator, auditor) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            scenarios: {
                                name: string;
                                description: string;
                                sources: string[];
                                start_date: string;
                                periods_per_year: number;
                                currency: string;
                                age_bands_years: number[];
                                max_age_years: number;
                                risk_classes: string[];
                                initial_members: number;
                                member_threshold: number;
                                /** @description Each what-if field (the `overrides` of a run) with the scenario’s value as its default, and its bounds */
                                what_if: {
                                    fee_bps: {
                                        min: number;
                                        max: number;
                                        default: number;
                                    };
                                    cap_per_year_minor: {
                                        default: string | null;
                                        max_digits: number;
                                    };
                                    aid_bands: {
                                        default: {
                                            max_age_years: number;
                                            /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                            aid_minor: string;
                                        }[];
                                        max_bands: number;
                                    };
                                    age_weights: {
                                        default: number[];
                                        length: number;
                                        min: number;
                                        max: number;
                                    };
                                    risk_weights: {
                                        default: number[];
                                        length: number;
                                        min: number;
                                        max: number;
                                    };
                                    churn_elasticity: {
                                        min: number;
                                        max: number;
                                        default: number;
                                    };
                                    selection: {
                                        default: {
                                            initial_factor: number;
                                            wear_off_days: number;
                                        };
                                        initial_factor: {
                                            min: number;
                                            max: number;
                                        };
                                        wear_off_days: {
                                            min: number;
                                            max: number;
                                        };
                                    };
                                    waiting_days: {
                                        min: number;
                                        max: number;
                                        default: number;
                                    };
                                };
                            }[];
                            options: {
                                paths: {
                                    min: number;
                                    max: number;
                                    default: number;
                                };
                                periods: {
                                    min: number;
                                    max: number;
                                    default: number;
                                };
                                seed: {
                                    min: number;
                                    max: number;
                                    default: number;
                                };
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sustainability/simulations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Simulation runs, newest first, without their summaries (GET the run for it); of one plan or all, paged by id (operator, auditor) */
        get: {
            parameters: {
                query?: {
                    plan_id?: string;
                    /** @description page on: the last id of the previous page */
                    before_id?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            runs: {
                                id: string;
                                plan_id: string | null;
                                scenario_name: string;
                                /** @enum {string} */
                                status: "queued" | "running" | "done" | "failed";
                                paths_done: number;
                                paths_total: number;
                                /** @description SIM_INTERRUPTED: the server stopped before the run ended */
                                error: {
                                    code: string;
                                    message: string;
                                } | null;
                                /** @description The plan’s public forecast may show this run (the latest done public run of the plan) */
                                public: boolean;
                                request: {
                                    scenario: string;
                                    plan_id: string | null;
                                    overrides: {
                                        /** @description Management fee on aid, basis points (rules.fee_bps) */
                                        fee_bps?: number;
                                        /** @description Yearly cap per member, minor units; null: no cap (rules.cap_per_year_minor) */
                                        cap_per_year_minor?: string | null;
                                        /** @description Aid by age at diagnosis, ascending; each band ends where an age band of the scenario ends (rules.aid_bands) */
                                        aid_bands?: {
                                            max_age_years: number;
                                            aid_minor: string;
                                        }[];
                                        /** @description Joiners by age band, one weight per age band (joiner_mix.age_weights) */
                                        age_weights?: number[];
                                        /** @description Joiners by risk class, one weight per risk class (joiner_mix.risk_weights) */
                                        risk_weights?: number[];
                                        /** @description Relative rise of the yearly leaving hazard per reference share paid (churn.elasticity) */
                                        churn_elasticity?: number;
                                        /** @description Incidence of new members as a share of the table, and how fast it wears off (incidence.selection) */
                                        selection?: {
                                            initial_factor: number;
                                            wear_off_days: number;
                                        };
                                        /** @description Waiting period (rules.waiting_days) */
                                        waiting_days?: number;
                                    };
                                    options: {
                                        paths: number;
                                        periods: number;
                                        seed: number;
                                    };
                                    publish: boolean;
                                    /** @description When the request was validated: a plan’s membership and rules are those of this time */
                                    as_of: string;
                                    start_date: string;
                                    periods_per_year: number;
                                    currency: string;
                                    /** @description The plan’s rules taken into the scenario (a run from a plan), aid bands cut at the scenario’s oldest age */
                                    plan_rules: {
                                        version: number;
                                        fee_bps: number;
                                        cap_per_year_minor: string | null;
                                        aid_bands: {
                                            max_age_years: number;
                                            /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                            aid_minor: string;
                                        }[];
                                        waiting_days: number;
                                    } | null;
                                    initial_members: number;
                                    /** @description A plan’s members outside the scenario’s ages, left out */
                                    members_outside_ages: number;
                                    /** @description The first whole calendar year the run covers: the year a public forecast shows */
                                    forecast_year: number | null;
                                };
                                requested_by: string;
                                created_at: string;
                                updated_at: string;
                                finished_at: string | null;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Ask for a simulation run: 202 at once with its id (and URL, also in Location); it runs in the background, one run at a time, at most 16 waiting. Everything is checked first: a bad scenario or override is 400 SIM_BAD_SCENARIO, bad options 400 SIM_BAD_OPTIONS, each naming the parameter; nothing is written then. With plan_id the run starts from the plan’s membership now and takes its rules (operator) */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description Your unique key for this request, 1–200 printable ASCII characters without spaces (a UUID is good). Sending the same request again with it returns the first answer (with `Idempotent-Replayed: true`) instead of moving money twice; the same key with another request is refused with 409 IDEMPOTENCY_KEY_REUSED. Keys are kept 48 hours. */
                    "idempotency-key": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description A scenario of GET /api/sustainability/scenarios, by name */
                        scenario: string;
                        /** @description Start from this plan's live membership and take its rules (fee, yearly cap, aid bands, waiting days) into the scenario */
                        plan_id?: string;
                        /** @default {} */
                        overrides?: {
                            /** @description Management fee on aid, basis points (rules.fee_bps) */
                            fee_bps?: number;
                            /** @description Yearly cap per member, minor units; null: no cap (rules.cap_per_year_minor) */
                            cap_per_year_minor?: string | null;
                            /** @description Aid by age at diagnosis, ascending; each band ends where an age band of the scenario ends (rules.aid_bands) */
                            aid_bands?: {
                                max_age_years: number;
                                aid_minor: string;
                            }[];
                            /** @description Joiners by age band, one weight per age band (joiner_mix.age_weights) */
                            age_weights?: number[];
                            /** @description Joiners by risk class, one weight per risk class (joiner_mix.risk_weights) */
                            risk_weights?: number[];
                            /** @description Relative rise of the yearly leaving hazard per reference share paid (churn.elasticity) */
                            churn_elasticity?: number;
                            /** @description Incidence of new members as a share of the table, and how fast it wears off (incidence.selection) */
                            selection?: {
                                initial_factor: number;
                                wear_off_days: number;
                            };
                            /** @description Waiting period (rules.waiting_days) */
                            waiting_days?: number;
                        };
                        options: {
                            /** @description Monte Carlo paths, at most 2000 */
                            paths: number;
                            /** @description Sharing periods simulated, at most 240 */
                            periods: number;
                            /**
                             * @description The same seed gives the same result
                             * @default 1
                             */
                            seed?: number;
                        };
                        /**
                         * @description Let the plan's public forecast show this run once done (needs plan_id and a full calendar year)
                         * @default false
                         */
                        publish?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            status: "queued" | "running" | "done" | "failed";
                            url: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sustainability/simulations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A simulation run: status, progress, the request, and when done the summary: per period P5/P50/P95 of the share per member, members, incidence, cases, backstop and operator margin; per year; the probabilities of crossing the cap and of falling below the member threshold (operator, auditor) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            plan_id: string | null;
                            scenario_name: string;
                            /** @enum {string} */
                            status: "queued" | "running" | "done" | "failed";
                            paths_done: number;
                            paths_total: number;
                            /** @description SIM_INTERRUPTED: the server stopped before the run ended */
                            error: {
                                code: string;
                                message: string;
                            } | null;
                            /** @description The plan’s public forecast may show this run (the latest done public run of the plan) */
                            public: boolean;
                            request: {
                                scenario: string;
                                plan_id: string | null;
                                overrides: {
                                    /** @description Management fee on aid, basis points (rules.fee_bps) */
                                    fee_bps?: number;
                                    /** @description Yearly cap per member, minor units; null: no cap (rules.cap_per_year_minor) */
                                    cap_per_year_minor?: string | null;
                                    /** @description Aid by age at diagnosis, ascending; each band ends where an age band of the scenario ends (rules.aid_bands) */
                                    aid_bands?: {
                                        max_age_years: number;
                                        aid_minor: string;
                                    }[];
                                    /** @description Joiners by age band, one weight per age band (joiner_mix.age_weights) */
                                    age_weights?: number[];
                                    /** @description Joiners by risk class, one weight per risk class (joiner_mix.risk_weights) */
                                    risk_weights?: number[];
                                    /** @description Relative rise of the yearly leaving hazard per reference share paid (churn.elasticity) */
                                    churn_elasticity?: number;
                                    /** @description Incidence of new members as a share of the table, and how fast it wears off (incidence.selection) */
                                    selection?: {
                                        initial_factor: number;
                                        wear_off_days: number;
                                    };
                                    /** @description Waiting period (rules.waiting_days) */
                                    waiting_days?: number;
                                };
                                options: {
                                    paths: number;
                                    periods: number;
                                    seed: number;
                                };
                                publish: boolean;
                                /** @description When the request was validated: a plan’s membership and rules are those of this time */
                                as_of: string;
                                start_date: string;
                                periods_per_year: number;
                                currency: string;
                                /** @description The plan’s rules taken into the scenario (a run from a plan), aid bands cut at the scenario’s oldest age */
                                plan_rules: {
                                    version: number;
                                    fee_bps: number;
                                    cap_per_year_minor: string | null;
                                    aid_bands: {
                                        max_age_years: number;
                                        /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                        aid_minor: string;
                                    }[];
                                    waiting_days: number;
                                } | null;
                                initial_members: number;
                                /** @description A plan’s members outside the scenario’s ages, left out */
                                members_outside_ages: number;
                                /** @description The first whole calendar year the run covers: the year a public forecast shows */
                                forecast_year: number | null;
                            };
                            requested_by: string;
                            created_at: string;
                            updated_at: string;
                            finished_at: string | null;
                            summary: {
                                paths: number;
                                /** @description Share of paths in which the yearly cap was hit at least once */
                                probability_cap_crossed_ever: number;
                                /** @description Share of paths that fell below the scenario’s member threshold after reaching it */
                                probability_fell_below_threshold: number;
                                periods: {
                                    period: number;
                                    start_date: string;
                                    year: number;
                                    /** @description P5, P50 and P95 over the paths, rounded to whole minor units */
                                    share_per_member_minor: {
                                        /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                        p5: string;
                                        /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                        p50: string;
                                        /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                        p95: string;
                                    };
                                    /** @description P5, P50 and P95 over the paths */
                                    members: {
                                        p5: number;
                                        p50: number;
                                        p95: number;
                                    };
                                    /** @description P5, P50 and P95 over the paths */
                                    incidence_per_100k: {
                                        p5: number;
                                        p50: number;
                                        p95: number;
                                    };
                                    /** @description P5, P50 and P95 over the paths */
                                    cases: {
                                        p5: number;
                                        p50: number;
                                        p95: number;
                                    };
                                    /** @description P5, P50 and P95 over the paths, rounded to whole minor units */
                                    backstop_minor: {
                                        /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                        p5: string;
                                        /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                        p50: string;
                                        /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                        p95: string;
                                    };
                                    /** @description P5, P50 and P95 over the paths, rounded to whole minor units */
                                    operator_margin_minor: {
                                        /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                        p5: string;
                                        /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                        p50: string;
                                        /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                        p95: string;
                                    };
                                    probability_cap_crossed: number;
                                    probability_below_threshold: number;
                                }[];
                                years: {
                                    year: number;
                                    periods: number;
                                    /** @description What a member covered all year shared */
                                    cost_per_member_minor: {
                                        /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                        p5: string;
                                        /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                        p50: string;
                                        /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                        p95: string;
                                    };
                                    /** @description P5, P50 and P95 over the paths */
                                    people_helped: {
                                        p5: number;
                                        p50: number;
                                        p95: number;
                                    };
                                    /** @description P5, P50 and P95 over the paths */
                                    members_end: {
                                        p5: number;
                                        p50: number;
                                        p95: number;
                                    };
                                    /** @description P5, P50 and P95 over the paths, rounded to whole minor units */
                                    backstop_minor: {
                                        /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                        p5: string;
                                        /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                        p50: string;
                                        /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                        p95: string;
                                    };
                                    /** @description P5, P50 and P95 over the paths, rounded to whole minor units */
                                    operator_margin_minor: {
                                        /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                        p5: string;
                                        /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                        p50: string;
                                        /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                        p95: string;
                                    };
                                    /** @description P5, P50 and P95 over the paths */
                                    share_of_cases_aged_40_plus: {
                                        p5: number;
                                        p50: number;
                                        p95: number;
                                    };
                                }[];
                            } | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sustainability/simulations/{id}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark a run from a plan as the plan’s public forecast (the latest done public run is shown), or take the mark away; SIM_NOT_A_PLAN_RUN for a run without a plan, SIM_NO_FULL_YEAR for one that covers no whole calendar year (operator) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        public: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            plan_id: string | null;
                            scenario_name: string;
                            /** @enum {string} */
                            status: "queued" | "running" | "done" | "failed";
                            paths_done: number;
                            paths_total: number;
                            /** @description SIM_INTERRUPTED: the server stopped before the run ended */
                            error: {
                                code: string;
                                message: string;
                            } | null;
                            /** @description The plan’s public forecast may show this run (the latest done public run of the plan) */
                            public: boolean;
                            request: {
                                scenario: string;
                                plan_id: string | null;
                                overrides: {
                                    /** @description Management fee on aid, basis points (rules.fee_bps) */
                                    fee_bps?: number;
                                    /** @description Yearly cap per member, minor units; null: no cap (rules.cap_per_year_minor) */
                                    cap_per_year_minor?: string | null;
                                    /** @description Aid by age at diagnosis, ascending; each band ends where an age band of the scenario ends (rules.aid_bands) */
                                    aid_bands?: {
                                        max_age_years: number;
                                        aid_minor: string;
                                    }[];
                                    /** @description Joiners by age band, one weight per age band (joiner_mix.age_weights) */
                                    age_weights?: number[];
                                    /** @description Joiners by risk class, one weight per risk class (joiner_mix.risk_weights) */
                                    risk_weights?: number[];
                                    /** @description Relative rise of the yearly leaving hazard per reference share paid (churn.elasticity) */
                                    churn_elasticity?: number;
                                    /** @description Incidence of new members as a share of the table, and how fast it wears off (incidence.selection) */
                                    selection?: {
                                        initial_factor: number;
                                        wear_off_days: number;
                                    };
                                    /** @description Waiting period (rules.waiting_days) */
                                    waiting_days?: number;
                                };
                                options: {
                                    paths: number;
                                    periods: number;
                                    seed: number;
                                };
                                publish: boolean;
                                /** @description When the request was validated: a plan’s membership and rules are those of this time */
                                as_of: string;
                                start_date: string;
                                periods_per_year: number;
                                currency: string;
                                /** @description The plan’s rules taken into the scenario (a run from a plan), aid bands cut at the scenario’s oldest age */
                                plan_rules: {
                                    version: number;
                                    fee_bps: number;
                                    cap_per_year_minor: string | null;
                                    aid_bands: {
                                        max_age_years: number;
                                        /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                        aid_minor: string;
                                    }[];
                                    waiting_days: number;
                                } | null;
                                initial_members: number;
                                /** @description A plan’s members outside the scenario’s ages, left out */
                                members_outside_ages: number;
                                /** @description The first whole calendar year the run covers: the year a public forecast shows */
                                forecast_year: number | null;
                            };
                            requested_by: string;
                            created_at: string;
                            updated_at: string;
                            finished_at: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/plans/{plan_id}/forecast": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The plan’s published forecast: the band (P5/P50/P95) of next year’s share per member from the latest run an operator published; null when none (aggregates only) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    plan_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            plan_id: string;
                            currency: string;
                            forecast: {
                                year: number;
                                /** @description What a member covered all that year would share */
                                share_per_member_minor: {
                                    /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                    p5: string;
                                    /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                    p50: string;
                                    /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                    p95: string;
                                };
                                paths: number;
                                as_of: string;
                                finished_at: string;
                            } | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/exports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The CSV tables and their documented columns (auditor, operator) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            tables: {
                                name: string;
                                title: {
                                    en: string;
                                    zh: string;
                                };
                                description: {
                                    en: string;
                                    zh: string;
                                };
                                /** @description The query parameters the table takes */
                                filters: ("from" | "to" | "plan_id")[];
                                /** @description The column the from and to dates apply to */
                                time_column: string | null;
                                columns: {
                                    name: string;
                                    /**
                                     * @description text; integer; minor_units (an integer of minor units, fen for CNY); instant (ISO 8601 UTC); date (YYYY-MM-DD)
                                     * @enum {string}
                                     */
                                    type: "text" | "integer" | "minor_units" | "instant" | "date";
                                    description: {
                                        en: string;
                                        zh: string;
                                    };
                                }[];
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/exports/{table}.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One table as CSV (RFC 4180, UTF-8, a header row of the documented column names), streamed; text cells starting with = + - @ get a leading apostrophe (auditor, operator) */
        get: {
            parameters: {
                query?: {
                    /** @description First UTC day included, on the table's time column */
                    from?: string;
                    /** @description Last UTC day included */
                    to?: string;
                    plan_id?: string;
                };
                header?: never;
                path: {
                    /** @description One of ledger_accounts, ledger_transactions, manual_postings, custody, cycles, payouts, advances, claims, claim_audit */
                    table: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The table as CSV */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/supervisor": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The supervisor report of a month or a period (auditor, operator) */
        get: {
            parameters: {
                query?: {
                    /** @description A calendar month, YYYY-MM (the stored report as issued, once the month is finished) */
                    month?: string;
                    /** @description First day, YYYY-MM-DD (with to; at most 366 days, computed now) */
                    from?: string;
                    /** @description Last day, included, YYYY-MM-DD */
                    to?: string;
                    /** @description One plan only (default: all plans) */
                    plan_id?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description When the month was issued; null when computed now */
                            stored_at: string | null;
                            report: {
                                /** @enum {string} */
                                format: "huzhu-supervisor-report/1";
                                period: {
                                    /** @enum {string} */
                                    kind: "month" | "range";
                                    month: string | null;
                                    /** Format: date */
                                    from: string;
                                    /** Format: date */
                                    to: string;
                                    from_at: string;
                                    /** @description Exclusive: midnight (UTC) after the last day */
                                    to_at: string;
                                    days: number;
                                };
                                plan_id: string | null;
                                generated_at: string;
                                /** @description The licence and custodian details in force when the report was made; null before any are saved */
                                operator: {
                                    operator_name: string;
                                    licence_number: string;
                                    supervisor: string;
                                    custodian_bank: string;
                                    custodian_account_masked: string;
                                    complaint_phone: string;
                                    complaint_email: string;
                                    complaint_response_days: number;
                                    changed_at: string;
                                } | null;
                                plans: {
                                    plan_id: string;
                                    name_zh: string;
                                    name_en: string;
                                    currency: string;
                                    status: string;
                                }[];
                                members: {
                                    plan_id: string;
                                    /** @description A count, as a string of digits */
                                    start: string;
                                    /** @description A count, as a string of digits */
                                    joined: string;
                                    /** @description A count, as a string of digits */
                                    withdrawn: string;
                                    /** @description A count, as a string of digits */
                                    lapsed: string;
                                    /** @description A count, as a string of digits */
                                    terminated: string;
                                    /** @description A count, as a string of digits */
                                    ended: string;
                                    /** @description A count, as a string of digits */
                                    end: string;
                                }[];
                                funds: {
                                    currency: string;
                                    /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                    wallets_minor: string;
                                    /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                    custody_minor: string;
                                    /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                    custody_less_wallets_minor: string;
                                    bank_statement_last_on: string | null;
                                    bank_closing_minor: string | null;
                                    custody_at_bank_date_minor: string | null;
                                    bank_less_custody_minor: string | null;
                                }[];
                                claims_by_state: {
                                    plan_id: string;
                                    /** @enum {string} */
                                    state: "submitted" | "in_review" | "investigating" | "approved_for_notice" | "in_notice" | "objected" | "in_jury" | "approved" | "scheduled" | "paid" | "rejected" | "appealed" | "rejected_final";
                                    /** @description A count, as a string of digits */
                                    claims: string;
                                    /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                    aid_minor: string;
                                }[];
                                open_claims_by_age: {
                                    plan_id: string;
                                    /** @enum {string} */
                                    bucket: "0-30" | "31-90" | "91-180" | "181+";
                                    /** @description A count, as a string of digits */
                                    claims: string;
                                    /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                    aid_minor: string;
                                }[];
                                complaints: {
                                    filed: number;
                                    by_state: {
                                        filed: number;
                                        assigned: number;
                                        responded: number;
                                        accepted: number;
                                        disputed: number;
                                    };
                                    escalated: number;
                                    overdue_now: number;
                                    response_time: {
                                        responded: number;
                                        median_ms: number | null;
                                        p95_ms: number | null;
                                        max_ms: number | null;
                                    };
                                    responded_within_deadline: number;
                                };
                                alerts: {
                                    plan_id: string;
                                    cycle_code: string;
                                    snapshot_at: string;
                                    kind: string;
                                    value: string;
                                    threshold: string;
                                }[];
                                operator_accounts: {
                                    plan_id: string;
                                    currency: string;
                                    /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                    backstop_used_minor: string;
                                    /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                    advances_drawn_minor: string;
                                    /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                    advances_repaid_minor: string;
                                    /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                    advances_outstanding_minor: string;
                                    /** @description An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in */
                                    fee_income_minor: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/supervisor.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The report as CSV: a `section,<name>` line per table, its header of documented columns, its records, an empty line; amounts in minor units (auditor, operator) */
        get: {
            parameters: {
                query?: {
                    /** @description A calendar month, YYYY-MM (the stored report as issued, once the month is finished) */
                    month?: string;
                    /** @description First day, YYYY-MM-DD (with to; at most 366 days, computed now) */
                    from?: string;
                    /** @description Last day, included, YYYY-MM-DD */
                    to?: string;
                    /** @description One plan only (default: all plans) */
                    plan_id?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The report as CSV */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/supervisor.html": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The report as a self-contained printable HTML page, in Chinese or English (auditor, operator) */
        get: {
            parameters: {
                query?: {
                    /** @description A calendar month, YYYY-MM (the stored report as issued, once the month is finished) */
                    month?: string;
                    /** @description First day, YYYY-MM-DD (with to; at most 366 days, computed now) */
                    from?: string;
                    /** @description Last day, included, YYYY-MM-DD */
                    to?: string;
                    /** @description One plan only (default: all plans) */
                    plan_id?: string;
                    /** @description zh-CN or en */
                    lang?: "zh-CN" | "en";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The printable page */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/supervisor/stored": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The monthly reports stored as issued, newest first (auditor, operator) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            reports: {
                                month: string;
                                /** @description null: all plans */
                                plan_id: string | null;
                                generated_at: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/payments/webhook": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Payment provider events, signed in the huzhu-signature header (t=<unix seconds>,v1=<HMAC-SHA256 hex of "t.body">) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "huzhu-signature"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            received: true;
                            duplicate: boolean;
                            payment_id: string | null;
                            outcome: ("succeeded" | "failed" | "ignored") | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: never;
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
