import type { Study } from "../../contract/model";
import type { StudyQuery } from "../../contract/schemas";
import type { AppContext } from "./context";
import { dataReach } from "./get-reactions";
import { getStudy } from "./get-study";

/** The study of `query` over what this node's store holds now (each reaction up to the data's reach). */
export function studyNow(ctx: AppContext, query: StudyQuery): Promise<Study> {
  return getStudy(ctx, query, dataReach(ctx));
}
