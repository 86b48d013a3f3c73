/** What the connection indicator says: the state of the page's socket to its server (live feed or replay). */
export type ConnectionStatus = "connecting" | "connected" | "reconnecting" | "offline";
