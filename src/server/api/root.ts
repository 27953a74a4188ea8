import { accountRouter } from "./routers/account";
import { adminRouter } from "./routers/admin";
import { agentRouter } from "./routers/agent";
import { customerRouter } from "./routers/customer";
import { drawerRouter } from "./routers/drawer";
import { finderRouter } from "./routers/finder";
import { liveRouter } from "./routers/live";
import { createCallerFactory, router } from "./trpc";

export const appRouter = router({
  account: accountRouter,
  customer: customerRouter,
  agent: agentRouter,
  live: liveRouter,
  admin: adminRouter,
  finder: finderRouter,
  drawer: drawerRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
